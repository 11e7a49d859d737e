/**
 * What a Topol-style review's evidence sounds like: organisations and places
 * visited in 2018, the people met, and what they said about each theme. The
 * generator draws from these lists with a seeded random source.
 */
import type { StaffGroup } from '../../src/shared/domain/participant';

export interface Organisation {
  name: string;
  place: string;
  kind: 'acute' | 'specialist' | 'mental_health' | 'community' | 'ambulance' | 'primary' | 'university' | 'college' | 'national' | 'industry' | 'charity';
}

export const organisations: Organisation[] = [
  { name: 'Moorfields Eye Hospital NHS Foundation Trust', place: 'London', kind: 'specialist' },
  { name: "Guy's and St Thomas' NHS Foundation Trust", place: 'London', kind: 'acute' },
  { name: 'Manchester University NHS Foundation Trust', place: 'Manchester', kind: 'acute' },
  { name: 'Leeds Teaching Hospitals NHS Trust', place: 'Leeds', kind: 'acute' },
  { name: 'The Newcastle upon Tyne Hospitals NHS Foundation Trust', place: 'Newcastle upon Tyne', kind: 'acute' },
  { name: 'University Hospitals Birmingham NHS Foundation Trust', place: 'Birmingham', kind: 'acute' },
  { name: 'Oxford University Hospitals NHS Foundation Trust', place: 'Oxford', kind: 'acute' },
  { name: 'Cambridge University Hospitals NHS Foundation Trust', place: 'Cambridge', kind: 'acute' },
  { name: 'Royal Free London NHS Foundation Trust', place: 'London', kind: 'acute' },
  { name: 'Great Ormond Street Hospital for Children NHS Foundation Trust', place: 'London', kind: 'specialist' },
  { name: 'Sheffield Teaching Hospitals NHS Foundation Trust', place: 'Sheffield', kind: 'acute' },
  { name: 'Imperial College Healthcare NHS Trust', place: 'London', kind: 'acute' },
  { name: 'University College London Hospitals NHS Foundation Trust', place: 'London', kind: 'acute' },
  { name: "King's College Hospital NHS Foundation Trust", place: 'London', kind: 'acute' },
  { name: 'Salford Royal NHS Foundation Trust', place: 'Salford', kind: 'acute' },
  { name: 'Liverpool Heart and Chest Hospital NHS Foundation Trust', place: 'Liverpool', kind: 'specialist' },
  { name: 'The Christie NHS Foundation Trust', place: 'Manchester', kind: 'specialist' },
  { name: 'Royal Cornwall Hospitals NHS Trust', place: 'Truro', kind: 'acute' },
  { name: 'Barts Health NHS Trust', place: 'London', kind: 'acute' },
  { name: 'Nottingham University Hospitals NHS Trust', place: 'Nottingham', kind: 'acute' },
  { name: 'University Hospitals Bristol NHS Foundation Trust', place: 'Bristol', kind: 'acute' },
  { name: 'University Hospital Southampton NHS Foundation Trust', place: 'Southampton', kind: 'acute' },
  { name: 'Norfolk and Norwich University Hospitals NHS Foundation Trust', place: 'Norwich', kind: 'acute' },
  { name: 'Cumbria Partnership NHS Foundation Trust', place: 'Carlisle', kind: 'community' },
  { name: 'South London and Maudsley NHS Foundation Trust', place: 'London', kind: 'mental_health' },
  { name: 'Oxford Health NHS Foundation Trust', place: 'Oxford', kind: 'mental_health' },
  { name: 'Northumbria Healthcare NHS Foundation Trust', place: 'North Shields', kind: 'acute' },
  { name: 'Sussex Community NHS Foundation Trust', place: 'Brighton', kind: 'community' },
  { name: 'Bradford Teaching Hospitals NHS Foundation Trust', place: 'Bradford', kind: 'acute' },
  { name: 'Lincolnshire Partnership NHS Foundation Trust', place: 'Lincoln', kind: 'mental_health' },
  { name: 'North West Ambulance Service NHS Trust', place: 'Bolton', kind: 'ambulance' },
  { name: 'London Ambulance Service NHS Trust', place: 'London', kind: 'ambulance' },
  { name: 'Yorkshire Ambulance Service NHS Trust', place: 'Wakefield', kind: 'ambulance' },
  { name: 'Riverside Medical Practice', place: 'Leicester', kind: 'primary' },
  { name: 'Hillside Health Centre', place: 'Exeter', kind: 'primary' },
  { name: 'Ashworth Street Surgery', place: 'Rochdale', kind: 'primary' },
  { name: 'Tower Hamlets GP Care Group', place: 'London', kind: 'primary' },
  { name: 'Health Education England', place: 'Leeds', kind: 'national' },
  { name: 'NHS Digital', place: 'Leeds', kind: 'national' },
  { name: 'Genomics England', place: 'London', kind: 'national' },
  { name: 'NHS Improvement', place: 'London', kind: 'national' },
  { name: 'Care Quality Commission', place: 'Newcastle upon Tyne', kind: 'national' },
  { name: 'National Institute for Health and Care Excellence', place: 'Manchester', kind: 'national' },
  { name: 'Medicines and Healthcare products Regulatory Agency', place: 'London', kind: 'national' },
  { name: 'Royal College of Nursing', place: 'London', kind: 'college' },
  { name: 'Royal College of Physicians', place: 'London', kind: 'college' },
  { name: 'Royal College of Radiologists', place: 'London', kind: 'college' },
  { name: 'Royal College of Midwives', place: 'London', kind: 'college' },
  { name: 'Royal College of Pathologists', place: 'London', kind: 'college' },
  { name: 'Royal College of General Practitioners', place: 'London', kind: 'college' },
  { name: 'Royal Pharmaceutical Society', place: 'London', kind: 'college' },
  { name: 'Society of Radiographers', place: 'London', kind: 'college' },
  { name: 'Academy of Medical Royal Colleges', place: 'London', kind: 'college' },
  { name: 'Academy for Healthcare Science', place: 'Lutterworth', kind: 'college' },
  { name: 'Chartered Society of Physiotherapy', place: 'London', kind: 'college' },
  { name: 'University of Manchester', place: 'Manchester', kind: 'university' },
  { name: 'University of Oxford', place: 'Oxford', kind: 'university' },
  { name: 'Imperial College London', place: 'London', kind: 'university' },
  { name: 'University College London', place: 'London', kind: 'university' },
  { name: 'University of Leeds', place: 'Leeds', kind: 'university' },
  { name: 'University of Birmingham', place: 'Birmingham', kind: 'university' },
  { name: 'University of Edinburgh', place: 'Edinburgh', kind: 'university' },
  { name: 'Cardiff University', place: 'Cardiff', kind: 'university' },
  { name: 'The Alan Turing Institute', place: 'London', kind: 'university' },
  { name: 'Wellcome Sanger Institute', place: 'Hinxton', kind: 'university' },
  { name: 'The Health Foundation', place: 'London', kind: 'charity' },
  { name: "The King's Fund", place: 'London', kind: 'charity' },
  { name: 'Nuffield Trust', place: 'London', kind: 'charity' },
  { name: 'National Voices', place: 'London', kind: 'charity' },
  { name: 'Healthwatch England', place: 'Newcastle upon Tyne', kind: 'charity' },
  { name: 'Macmillan Cancer Support', place: 'London', kind: 'charity' },
  { name: 'Northern Health Science Alliance', place: 'Newcastle upon Tyne', kind: 'charity' },
  { name: 'A medical imaging software company', place: 'Cambridge', kind: 'industry' },
  { name: 'A surgical robotics manufacturer', place: 'Cambridge', kind: 'industry' },
  { name: 'A remote monitoring start-up', place: 'Manchester', kind: 'industry' },
  { name: 'A genomic sequencing company', place: 'Cambridge', kind: 'industry' },
  { name: 'An electronic patient record supplier', place: 'Leeds', kind: 'industry' },
  { name: 'A speech recognition vendor', place: 'Reading', kind: 'industry' },
];

export const regionOfPlace: Record<string, string> = {
  London: 'London', Manchester: 'North West', Salford: 'North West', Liverpool: 'North West', Bolton: 'North West',
  Rochdale: 'North West', Carlisle: 'North West', Leeds: 'North East and Yorkshire', Sheffield: 'North East and Yorkshire',
  Bradford: 'North East and Yorkshire', Wakefield: 'North East and Yorkshire', 'Newcastle upon Tyne': 'North East and Yorkshire',
  'North Shields': 'North East and Yorkshire', Birmingham: 'Midlands', Nottingham: 'Midlands', Leicester: 'Midlands',
  Lincoln: 'Midlands', Lutterworth: 'Midlands', Oxford: 'South East', Brighton: 'South East', Southampton: 'South East',
  Reading: 'South East', Cambridge: 'East of England', Hinxton: 'East of England', Norwich: 'East of England',
  Bristol: 'South West', Exeter: 'South West', Truro: 'South West', Edinburgh: 'Scotland', Cardiff: 'Wales',
};

export const organisationTypeOfKind: Record<Organisation['kind'], string> = {
  acute: 'Acute trust',
  specialist: 'Acute trust',
  mental_health: 'Mental health trust',
  community: 'Community trust',
  ambulance: 'Ambulance trust',
  primary: 'General practice',
  university: 'University',
  college: 'Royal college',
  national: 'National body',
  industry: 'Industry',
  charity: 'Patient or charity organisation',
};

export const topics = [
  'AI in radiology reporting',
  'machine learning in retinal imaging',
  'the 100,000 Genomes Project',
  'the new genomic medicine service',
  'digital literacy for nurses',
  'robot-assisted surgery',
  'telehealth in community care',
  'wearables and remote monitoring',
  'speech recognition in outpatient clinics',
  'predictive analytics in emergency care',
  'virtual reality in clinical training',
  'electronic patient records',
  'apps for self-management of diabetes',
  'digital pathology',
  'automating rostering and scheduling',
  'pharmacogenomics in prescribing',
  'clinical informatics careers',
  'sensors in care homes',
  'online consultations in general practice',
  'data sharing between organisations',
] as const;

/** The seven roundtables of the model review, then a few more a larger review would hold. */
export const roundtables = [
  'Roundtable: nursing and midwifery',
  'Roundtable: allied health professionals',
  'Roundtable: healthcare scientists',
  'Roundtable: medical education',
  'Roundtable: pharmacy',
  'Roundtable: patients and the public',
  'Roundtable: industry and academia',
  'Roundtable: NHS leaders',
  'Roundtable: trainees and students',
  'Roundtable: mental health services',
  'Roundtable: primary care',
  'Roundtable: ambulance services',
];

export const panels = [
  'Review Board',
  'Genomics panel',
  'Digital Medicine panel',
  'Artificial Intelligence and Robotics panel',
] as const;

export const reviewers = [
  { name: 'Review Secretariat', initials: 'RS' },
  { name: 'Amara Okafor', initials: 'AO' },
  { name: 'James Whitfield', initials: 'JW' },
  { name: 'Priya Raman', initials: 'PR' },
  { name: 'Siobhan Kelly', initials: 'SK' },
  { name: 'Tom Hughes', initials: 'TH' },
] as const;

export const firstNames = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Eleanor', 'Farah', 'George', 'Hannah', 'Imran', 'Jess', 'Kwame', 'Laura', 'Mohammed',
  'Niamh', 'Oliver', 'Pooja', 'Rhys', 'Sarah', 'Tariq', 'Usha', 'Victoria', 'William', 'Yasmin', 'Zoe', 'Aled', 'Bethan',
  'Callum', 'Deepa', 'Ewan', 'Fiona', 'Grace', 'Harry', 'Isla', 'Jamal', 'Kate', 'Liam', 'Maria', 'Nathan', 'Olu', 'Rachel',
];

export const lastNames = [
  'Ahmed', 'Baker', 'Campbell', 'Davies', 'Evans', 'Fraser', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan',
  'Nwosu', "O'Brien", 'Patel', 'Quinn', 'Roberts', 'Singh', 'Taylor', 'Usman', 'Walker', 'Williams', 'Wright', 'Young',
  'Adeyemi', 'Brown', 'Chowdhury', 'Doyle', 'Edwards', 'Fletcher', 'Gill', 'Hughes', 'Jackson', 'Kaur', 'Murphy', 'Shah',
];

/** Staff groups with how often a review of this kind meets them, and the roles they hold. */
export const staffGroupMix: { group: StaffGroup; weight: number; roles: string[] }[] = [
  { group: 'doctor', weight: 18, roles: ['Consultant radiologist', 'Consultant ophthalmologist', 'Consultant physician', 'GP partner', 'Specialty registrar', 'Foundation doctor', 'Consultant clinical geneticist', 'Consultant histopathologist', 'Chief clinical information officer'] },
  { group: 'nurse', weight: 20, roles: ['Ward sister', 'Staff nurse', 'Clinical nurse specialist', 'Advanced nurse practitioner', 'District nurse', 'Chief nursing information officer', 'Practice nurse', 'Nurse consultant'] },
  { group: 'midwife', weight: 5, roles: ['Community midwife', 'Labour ward coordinator', 'Digital midwife', 'Consultant midwife'] },
  { group: 'allied_health_professional', weight: 12, roles: ['Reporting radiographer', 'Physiotherapist', 'Occupational therapist', 'Speech and language therapist', 'Paramedic', 'Dietitian', 'Sonographer'] },
  { group: 'healthcare_scientist', weight: 8, roles: ['Clinical scientist (genomics)', 'Bioinformatician', 'Clinical engineer', 'Genetic counsellor', 'Biomedical scientist', 'Medical physicist'] },
  { group: 'pharmacist', weight: 5, roles: ['Hospital pharmacist', 'Community pharmacist', 'Chief pharmacist', 'Pharmacy technician'] },
  { group: 'dental', weight: 1, roles: ['General dental practitioner', 'Dental nurse'] },
  { group: 'manager_administrator', weight: 8, roles: ['Operations manager', 'Medical director', 'Director of workforce', 'Practice manager', 'Medical secretary'] },
  { group: 'digital_it', weight: 5, roles: ['Chief information officer', 'Clinical systems trainer', 'Data scientist', 'Informatics lead'] },
  { group: 'educator', weight: 5, roles: ['Postgraduate dean', 'Practice educator', 'Clinical tutor', 'Head of education'] },
  { group: 'student_trainee', weight: 5, roles: ['Medical student', 'Student nurse', 'Trainee clinical scientist', 'Apprentice'] },
  { group: 'patient_public', weight: 6, roles: ['Patient representative', 'Carer', 'Lay member', 'Patient advocate'] },
  { group: 'industry', weight: 3, roles: ['Product manager', 'Clinical lead at a technology company', 'Chief executive of a start-up'] },
  { group: 'academia', weight: 3, roles: ['Professor of health informatics', 'Research fellow', 'Lecturer in genomics'] },
  { group: 'other', weight: 1, roles: ['Volunteer', 'Union representative'] },
];

/** Themes a large review adds beneath and beside the Topol template, to make 80 in all. */
export const extraThemes: { parent: string | null; name: string; definition: string }[] = [
  ...['Undergraduate curricula', 'Postgraduate training', 'Continuing professional development', 'Simulation-based training', 'Protected learning time', 'Assessment and accreditation'].map(
    (name) => ({ parent: 'Education, training and lifelong learning', name, definition: `Evidence on ${name.toLowerCase()} as a route to the skills new technology needs.` }),
  ),
  ...['Data literacy', 'Genomic counselling skills', 'Confidence with digital tools', "Patients' digital literacy"].map(
    (name) => ({ parent: 'Digital and genomics literacy', name, definition: `Evidence on ${name.toLowerCase()}.` }),
  ),
  ...['Bioinformaticians', 'Clinical informaticians', 'Clinical scientists in genomics', 'Digital nurse specialists', 'Chief clinical information officers'].map(
    (name) => ({ parent: 'New roles and career pathways', name, definition: `Evidence on the role of ${name.toLowerCase()}, its numbers and the route into it.` }),
  ),
  ...['Board-level digital leadership', 'Change management', 'Clinical engagement', 'Appetite for risk'].map(
    (name) => ({ parent: 'Leadership and culture', name, definition: `Evidence on ${name.toLowerCase()} when technology is introduced.` }),
  ),
  ...['Time pressure', 'Funding', 'IT infrastructure', 'Interoperability', 'Staff attitudes', 'Regulation'].map(
    (name) => ({ parent: 'Barriers', name, definition: `${name} as something that stands in the way of adoption or training.` }),
  ),
  ...['Clinical champions', 'Networks and communities of practice', 'Protected funding', 'National guidance'].map(
    (name) => ({ parent: 'Enablers', name, definition: `${name} as something that helps adoption or training succeed.` }),
  ),
  ...['Genomic testing in routine care', 'Pharmacogenomics', 'Rare disease diagnosis', 'Cancer genomics', 'Consent for genomic data'].map(
    (name) => ({ parent: 'Genomics', name, definition: `Evidence on ${name.toLowerCase()}.` }),
  ),
  { parent: 'Patient safety', name: 'Alert fatigue', definition: 'Evidence on staff ignoring or overriding automated warnings because there are too many.' },
  { parent: 'Patient safety', name: 'Automation bias', definition: 'Evidence on staff trusting an automated output more than it deserves.' },
  { parent: 'Data governance', name: 'Information sharing', definition: 'Evidence on sharing patient data between organisations and with companies.' },
  { parent: 'Data governance', name: 'Cyber security', definition: 'Evidence on attacks on NHS systems and what staff must do to prevent them.' },
  { parent: 'Equity and bias', name: 'Digital exclusion', definition: 'Evidence on patients and staff left out because they lack devices, connection or skills.' },
  { parent: 'Equity and bias', name: 'Algorithmic bias', definition: 'Evidence on algorithms that perform worse for some groups of patients.' },
  { parent: 'The gift of time', name: 'Documentation burden', definition: 'Evidence on the time staff spend recording care rather than giving it.' },
  { parent: 'The gift of time', name: 'Time with patients', definition: 'Evidence on time released for, or taken from, direct contact with patients.' },
  { parent: null, name: 'Settings of care', definition: 'Where the evidence comes from, when the setting shapes what was said.' },
  ...['Primary care', 'Acute hospitals', 'Mental health services', 'Community care', 'Ambulance services'].map(
    (name) => ({ parent: 'Settings of care', name, definition: `Evidence specific to ${name.toLowerCase()}.` }),
  ),
];

/** Themes in order of how much evidence a review gathers for them: a few large, then a long tail. */
export const largestThemes = [
  'Education, training and lifelong learning',
  'Barriers',
  'Automated image interpretation',
  'Leadership and culture',
  'Data governance',
  'Digital and genomics literacy',
  'Time pressure',
  'Patient safety',
];

/** Clauses people say about a theme; themes without their own fall back on ones built from the name. */
export const clauses: Record<string, string[]> = {
  'Education, training and lifelong learning': [
    'nobody has taught us how to question what the software tells us',
    'training on the new system was a two-hour session on a Friday afternoon',
    'the curriculum has not changed in ten years and says nothing about data',
    'staff want training at the point of need, not a course once a year',
    'e-learning modules are completed to tick a box rather than to learn',
    'protected time for training disappears as soon as the ward is short',
  ],
  Barriers: [
    'the wifi on the ward drops out every afternoon',
    'we have six logins before we can see a single result',
    'the business case took two years and the kit was out of date when it arrived',
    'there is no budget line for backfill while people train',
    'the procurement rules make it almost impossible to pilot anything',
  ],
  'Automated image interpretation': [
    'the algorithm flags retinal scans that need urgent review within minutes',
    'AI triage of chest X-rays cut the reporting backlog by a third',
    'reporting radiographers still check every scan the software calls normal',
    'the deep learning system was trained on images from one scanner make only',
    'consultants worry that trainees will never learn to read a scan unaided',
  ],
  'Leadership and culture': [
    'the board talks about digital but never comes to see it working',
    'a clinical lead who believed in it made all the difference',
    'middle managers are caught between targets and transformation',
    'people are afraid to admit they do not understand the data',
  ],
  'Data governance': [
    'information governance teams say no first and ask questions later',
    'patients are happy to share data if they know who sees it and why',
    'the data sharing agreement took longer to write than the software',
    'nobody could tell us where the training data had come from',
  ],
  'Digital and genomics literacy': [
    'most nurses are confident with a smartphone but not with a spreadsheet',
    'a basic grasp of statistics should be expected of every clinician',
    'staff need to know enough genomics to explain a result to a family',
    'digital skills vary enormously between wards in the same hospital',
  ],
  'Time pressure': [
    'there is simply no slack in the rota for anyone to learn something new',
    'we are asked to innovate on top of a full clinical workload',
  ],
  'Patient safety': [
    'a wrong result from a machine can travel much further than a human error',
    'incident reporting does not yet have a category for algorithm failure',
    'the monitoring system alerted the team to a deteriorating patient an hour earlier',
  ],
  Genomics: [
    'whole genome sequencing returned a diagnosis after years of uncertainty',
    'the genomic laboratory hub will change how every specialty orders tests',
  ],
  Telemedicine: [
    'video consultations saved our rural patients a four-hour round trip',
    'older patients preferred the telephone to the video link',
  ],
  'Smartphone apps': [
    'patients arrive with data from apps that nobody has time to look at',
    'the diabetes app was prescribed but most people stopped using it within a month',
  ],
  'Sensors and wearables': [
    'wearable sensors picked up atrial fibrillation the clinic had missed',
    'the data from home monitors goes to an inbox that nobody owns',
  ],
  'Virtual and augmented reality': [
    'virtual reality let trainees rehearse a procedure twenty times before touching a patient',
    'headsets were used for distraction during painful dressings on the burns unit',
  ],
  'Speech recognition and natural language processing': [
    'speech recognition halved the time spent typing clinic letters',
    'the software struggles with regional accents and drug names',
  ],
  'Interventional and rehabilitative robotics': [
    'the surgical robot needs the whole theatre team to train together',
    'rehabilitation robots free physiotherapists for the harder cases',
  ],
  'Automation of administrative work': [
    'automated rostering gave back hours every week to the ward manager',
    'robotic process automation now handles referral letters overnight',
  ],
  'Predictive analytics': [
    'the risk score predicts who will be readmitted but nobody acts on it',
    'predictive models helped plan beds for the winter peak',
  ],
  Accountability: [
    'it is unclear who is responsible when the algorithm gets it wrong',
    'clinicians will remain accountable for decisions the software supports',
  ],
  'Equity and bias': [
    'the model performed worse for patients with darker skin',
    'people without broadband are the ones who need care most',
  ],
  'Patients as partners': [
    'patients want to be involved in choosing the tools, not just told about them',
    'the patient panel rewrote the consent leaflet in plain English',
  ],
  'Evidence and evaluation of technology': [
    'vendors show accuracy figures from trials that do not look like our patients',
    'we need a way to evaluate a product after it is switched on, not just before',
  ],
  'The gift of time': [
    'if the technology gave back time, staff would spend it with patients',
    'time saved on paperwork was immediately filled with more paperwork',
  ],
  'New roles and career pathways': [
    'there is no clear career path for a nurse who wants to work in informatics',
    'bioinformaticians leave for industry because the NHS cannot match the pay',
  ],
  'Partnership with industry and academia': [
    'the university partnership gave us data scientists we could never have hired',
    'companies want access to data but rarely offer training in return',
  ],
  Enablers: [
    'a small innovation fund let the team try things without a business case',
    'clinical champions on every ward made the roll-out work',
  ],
  Pharmacogenomics: ['pharmacogenomic testing could prevent many adverse drug reactions if pharmacists were trained to read it'],
  'Alert fatigue': ['staff override most of the alerts because there are simply too many'],
  'Automation bias': ['people stop looking once the computer has given an answer'],
  'Digital exclusion': ['some patients on our list do not own a smartphone at all'],
  'Documentation burden': ['nurses spend up to a third of a shift documenting care'],
};

/** How people said it: a clause becomes a sentence. */
export const frames = [
  (c: string) => `We heard that ${c}.`,
  (c: string) => `In their experience ${c}.`,
  (c: string) => `They were clear that ${c}.`,
  (c: string) => `One concern was that ${c}.`,
  (c: string) => `It was said more than once that ${c}.`,
  (c: string) => `Honestly, ${c}.`,
  (c: string) => `What worries me is that ${c}.`,
  (c: string) => `The point was made that ${c}.`,
  (c: string) => `There was broad agreement that ${c}.`,
  (c: string) => `I think ${c}, and that has to change.`,
  (c: string) => `From where I sit ${c}.`,
  (c: string) => `The team told us ${c}.`,
];

/** Sentences that carry a conversation along without saying much. */
export const fillers = [
  'The discussion moved on to training.',
  'Several people around the table nodded.',
  'We need to come back to this later.',
  'That is the experience on our unit at least.',
  'It depends very much on the ward and the day.',
  'Others in the room saw it differently.',
  'The example given was from last winter.',
  'There was a long pause before anyone answered.',
  'This links to what we heard in the morning session.',
  'The chair asked for specific examples.',
  'Staff said the pace of change felt relentless.',
  'Everyone agreed that training matters more than the technology itself.',
  'It is early days and the evidence is still thin.',
  'The conversation kept returning to time and money.',
];

export const questions = [
  'What would help your team most in the next five years?',
  'How were staff trained when the system was introduced?',
  'Who decides which technologies are adopted here?',
  'What do patients think of the change?',
  'Where do you see the biggest gaps in skills?',
  'What would you tell the review if you had one minute?',
];

export const memos = [
  'Follow up with the trust for the evaluation report.',
  'Strong example for the findings on training time.',
  'Contrasts with what we heard at the roundtable.',
  'Check the figures before quoting.',
  'Possible case study for the report.',
  'Same point made by several participants.',
  'Ask the panel whether this is typical.',
  'Links to the recommendation on protected learning time.',
];

/** Sentences an interviewer or a note-taker writes, not said by a participant. */
export const observations = [
  'The unit was busy throughout the visit.',
  'We were shown the reporting workstation and the triage queue.',
  'Staff demonstrated the app on their own phones.',
  'The training room had not been used for a month.',
  'The visit ended with a tour of the genomics laboratory.',
];

/** A word that appears in only a handful of notes, for the rare-word search. */
export const RARE_WORD = 'Caldicott';
export const rareSentence = `The ${RARE_WORD} guardian asked to see every data flow before the pilot went live.`;
/** A word in almost every note, for the common-word search. */
export const COMMON_WORD = 'training';

