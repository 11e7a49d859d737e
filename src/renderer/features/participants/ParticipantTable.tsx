import { staffGroupLabels, type AttributeDefinition, type ParticipantSummary } from '../../../shared/domain/participant';
import { ConsentBadge } from './ConsentField';
import { describeAttributes } from './data';
import { Clipped } from '../../ui/Clipped';

/** "NHS trust, London": the organisation type and region, as far as recorded. */
const placeOf = (p: ParticipantSummary) => [p.organisationType, p.region].filter(Boolean).join(', ');

interface Props {
  participants: ParticipantSummary[];
  attributes: AttributeDefinition[];
  caption: string;
  onEdit: (participant: ParticipantSummary) => void;
}

/** Participants by code: never the real name, which only the participant's own edit dialog shows. */
export function ParticipantTable({ participants, attributes, caption, onEdit }: Props) {
  return (
    <table className="list-table participant-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Staff group</th>
          <th scope="col">Role</th>
          <th scope="col">Organisation and region</th>
          <th scope="col">Consent</th>
          <th scope="col" className="numeric">
            Engagements
          </th>
          {attributes.length > 0 && <th scope="col">Attributes</th>}
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <button type="button" className="participant-code" onClick={() => onEdit(p)}>
                <span className="visually-hidden">Edit </span>
                {p.code}
              </button>
            </th>
            <td>{staffGroupLabels[p.staffGroup]}</td>
            <td>{p.role ? <Clipped text={p.role} /> : <span className="not-recorded">—</span>}</td>
            <td>{placeOf(p) ? <Clipped text={placeOf(p)} /> : <span className="not-recorded">—</span>}</td>
            <td>
              <ConsentBadge consent={p.consent} />
            </td>
            <td className="numeric">{p.engagementCount}</td>
            {attributes.length > 0 && <td className="participant-attrs">{describeAttributes(p.attributes, attributes)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
