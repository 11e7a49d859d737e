import { themePalette } from '../../../shared/domain/theme';
import type { CodeNode } from './codeTree';

/**
 * The Topol Review's themes (../shared/PRODUCT.md), as a starting codebook.
 * Each top-level branch has its palette colour; the themes below it take
 * colours of their own (codeTree.ts), so overlapping passages of one branch
 * stay apart (issue 11); chips and labels name the theme either way. Definitions are written from the review's side: what evidence
 * belongs here.
 */
const branch = (colour: string, name: string, definition: string, children: CodeNode[], exclusions = ''): CodeNode => ({
  name,
  definition,
  exclusions,
  colour,
  children,
});
const leaf = (name: string, definition: string, exclusions = ''): CodeNode => ({ name, definition, exclusions, children: [] });

const [blue, red, green, purple] = themePalette;

export const topolTemplate: CodeNode[] = [
  branch(blue, 'Technology', 'Evidence about the genomic, digital and robotic technologies expected to change the work of NHS staff over the next two decades.', [
    leaf('Genomics', 'Evidence on how genomic testing, sequencing and genomic medicine will change diagnosis and care, and what staff must know to use them.'),
    {
      ...leaf('Digital medicine', 'Evidence on digital tools that change how care is delivered and monitored, and the skills staff need to use them well.'),
      children: [
        leaf('Telemedicine', 'Evidence on consultations, monitoring and advice given at a distance by video, telephone or messaging.'),
        leaf('Smartphone apps', 'Evidence on apps that patients or staff use for self-management, monitoring, decision support or communication.'),
        leaf('Sensors and wearables', 'Evidence on devices worn by or placed around patients that collect physiological or activity data continuously.'),
        leaf('Virtual and augmented reality', 'Evidence on immersive and overlay technologies used for training, rehearsal, therapy or guidance during procedures.'),
        leaf('Internet of Things', 'Evidence on connected equipment and buildings that exchange data automatically to support care and the running of services.'),
      ],
    },
    {
      ...leaf('Artificial intelligence and robotics', 'Evidence on machine learning, automation and robots that take on or support tasks staff do today.'),
      children: [
        leaf('Automated image interpretation', 'Evidence on AI that reads or triages images such as radiology scans, retinal scans and pathology slides.'),
        leaf('Speech recognition and natural language processing', 'Evidence on software that transcribes speech or draws meaning from clinical text and conversation.'),
        leaf('Interventional and rehabilitative robotics', 'Evidence on robots used in surgery and other procedures, and in physical rehabilitation.'),
        leaf('Automation of administrative work', 'Evidence on automating scheduling, documentation, coding and other administrative tasks to release staff time.'),
        leaf('Predictive analytics', 'Evidence on models that forecast risk, deterioration, demand or outcomes to guide decisions about patients and services.'),
      ],
    },
  ]),
  branch(red, 'Ethics', 'Evidence on the ethical questions raised when technology enters care, and how staff should be prepared to meet them.', [
    leaf('Patient safety', 'Evidence on how new technology can make care safer or less safe, and how its risks are noticed and managed.'),
    leaf('Data governance', 'Evidence on consent, privacy, security and stewardship of the patient data that digital, genomic and AI systems use.'),
    leaf('Respect for human dignity', 'Evidence on keeping care compassionate and person-centred when technology mediates or automates parts of it.'),
    leaf('Accountability', 'Evidence on who answers for decisions made or supported by algorithms and devices, and how that is made clear.'),
    leaf('Equity and bias', 'Evidence on whether technologies and their data serve every group fairly, including bias in algorithms and unequal digital access.'),
  ]),
  branch(green, 'Principles', 'Evidence bearing on the principles the review sets for bringing technology into the work of NHS staff.', [
    leaf('Patients as partners', 'Evidence on involving patients and the public in designing, choosing and using technology, and on their own digital skills.'),
    leaf('Evidence and evaluation of technology', 'Evidence on how technologies are tested, validated and evaluated before and after adoption, and how staff judge that evidence.'),
    leaf('The gift of time', 'Evidence that technology frees, or fails to free, staff time for direct care and for relationships with patients.'),
  ]),
  branch(purple, 'Workforce', 'Evidence on how the NHS workforce must change in skills, roles, culture and capacity to deliver the digital future.', [
    leaf('Education, training and lifelong learning', 'Evidence on the undergraduate, postgraduate and continuing education that prepares current and future staff for new technology.'),
    leaf('Digital and genomics literacy', 'Evidence on the baseline knowledge of, and confidence with, digital and genomic topics that every member of staff needs.'),
    leaf('New roles and career pathways', 'Evidence on emerging specialist roles, such as bioinformaticians and clinical informaticians, and the career routes into them.'),
    leaf('Partnership with industry and academia', 'Evidence on the NHS working with universities and companies to develop, test and teach technology.'),
    leaf('Leadership and culture', 'Evidence on the leadership, organisational culture and management of change that help or hinder the adoption of technology.'),
    leaf('Barriers', 'Evidence on what stands in the way of adopting technology or training staff for it, such as time, funding, infrastructure or attitudes.', 'A barrier specific to one technology that says nothing about staff or training belongs under that technology.'),
    leaf('Enablers', 'Evidence on the conditions and actions that make the adoption of technology, and the training of staff for it, succeed.', 'A benefit of one technology to patients belongs under that technology.'),
  ]),
];
