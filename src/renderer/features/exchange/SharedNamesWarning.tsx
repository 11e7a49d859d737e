import { useId } from 'react';
import type { SharedName } from '../../../shared/domain/refi';
import { count as plural } from '../analysis/format';

/**
 * Theme names used under different parents, with the offer to qualify them:
 * valid REFI-QDA, but some tools keep one code per name and drop the rest
 * silently. Shown by both exports that write a codebook (.qdc and .qdpx).
 */
export function SharedNamesWarning({
  shared,
  qualify,
  onQualify,
}: {
  shared: readonly SharedName[];
  qualify: boolean;
  onQualify: (qualify: boolean) => void;
}) {
  const id = useId();
  if (shared.length === 0) return null;
  return (
    <section className="exchange-warning" aria-labelledby={`${id}-shared`}>
      <h3 id={`${id}-shared`}>{plural(shared.length, 'theme name is', 'theme names are')} used under different parents</h3>
      <ul>
        {shared.slice(0, 6).map((s) => (
          <li key={s.name}>
            “{s.name}”: {s.paths.join('; ')}
          </li>
        ))}
        {shared.length > 6 && <li>and {plural(shared.length - 6, 'more')}</li>}
      </ul>
      <p className="hint">That is valid REFI-QDA, but some tools keep one code per name and silently drop the others.</p>
      <label>
        <input type="checkbox" checked={qualify} onChange={(e) => onQualify(e.target.checked)} />
        Name them with their parent in the file (“Ethics::Safety”)
      </label>
    </section>
  );
}
