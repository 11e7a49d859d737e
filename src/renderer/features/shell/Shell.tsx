import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { navigation, type NoteLocation } from '../../app/navigation';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import { useApp } from '../../app/AppContext';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut } from '../../commands/shortcut';
import { AnalysisView } from '../analysis/AnalysisView';
import { themeViewLink } from '../analysis/themeViewLink';
import { AgreementView } from '../team/AgreementView';
import { BackupsView } from '../protection/BackupsView';
import { OpenNotice } from '../protection/OpenNotice';
import { TrustCommands } from '../protection/TrustCommands';
import { EngagementsView } from '../engagements/EngagementsView';
import { AddToFindingDialog } from '../findings/AddToFindingDialog';
import { FindingsView } from '../findings/FindingsView';
import { findingNavigation } from '../findings/links';
import { ParticipantsView } from '../participants/ParticipantsView';
import { ReportView } from '../report/ReportView';
import { ThemesView } from '../themes/ThemesView';
import { focusAdrift, focusHome } from '../../ui/focusHome';
import { useOpenElsewhere } from '../workspace/useOpenElsewhere';
import { areas, comingSoon, type AreaId } from './areas';
import { BreadcrumbContext, type Crumb } from './breadcrumbs';

/** The workspace window: sidebar of areas, breadcrumbs, and the area's screen. */
export function Shell({ workspace }: { workspace: WorkspaceInfo }) {
  const { reviewer } = useApp();
  const [area, setArea] = useState<AreaId>('engagements');
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  // Choosing an area again (sidebar, shortcut) returns to its top level.
  const [visit, setVisit] = useState(0);
  const [location, setLocation] = useState<NoteLocation | null>(null);
  const go = useCallback((id: AreaId) => {
    setArea(id);
    setLocation(null);
    setVisit((v) => v + 1);
  }, []);
  // A jump to a place in a note (from the theme view or a search hit).
  useEffect(
    () =>
      navigation.subscribe((target) => {
        setArea('engagements');
        setLocation(target);
        setVisit((v) => v + 1);
      }),
    [],
  );
  // The theme view of one theme (from its page in the codebook).
  useEffect(() => themeViewLink.subscribe(() => go('analysis')), [go]);
  // A jump to a finding (from a passage that it cites).
  const [openFinding, setOpenFinding] = useState<string | null>(null);
  useEffect(
    () =>
      findingNavigation.subscribe(({ findingId }) => {
        setArea('findings');
        setOpenFinding(findingId);
      }),
    [],
  );
  const current = areas.find((a) => a.id === area)!;
  const openElsewhere = useOpenElsewhere(workspace.path);
  // In a narrow window (320 px, or 200% zoom) the areas fold into a menu above the screen.
  const [areasOpen, setAreasOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  // Each screen its own page title: where you are, then the workspace (WCAG 2.4.2).
  const here = crumbs.length ? crumbs[crumbs.length - 1]!.label : current.label;
  useEffect(() => {
    document.title = `${here} — ${workspace.name} — Fieldnotes`;
  }, [here, workspace.name]);

  // A workspace just created or opened: focus its first screen's primary action, not <body> (issue 11).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (focusAdrift()) focusHome();
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const commands = useMemo<Command[]>(
    () =>
      areas.map((a) => ({
        id: `go.${a.id}`,
        group: 'Go to',
        label: a.label,
        shortcut: { key: a.key, mod: true },
        run: () => go(a.id),
      })),
    [go],
  );
  useCommands(commands);

  return (
    <div className={`shell${areasOpen ? ' areas-open' : ''}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <nav className="sidebar" aria-label="Workspace areas">
        <p className="sidebar-workspace" title={workspace.path}>
          <span className="visually-hidden">Workspace: </span>
          {workspace.name}
        </p>
        <button type="button" className="areas-toggle" aria-expanded={areasOpen} aria-controls="area-list" onClick={() => setAreasOpen((o) => !o)}>
          {current.label} <span aria-hidden="true">▾</span>
          <span className="visually-hidden">, choose another area</span>
        </button>
        <ul id="area-list">
          {areas.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="sidebar-item"
                aria-current={a.id === area ? 'page' : undefined}
                onClick={() => {
                  setAreasOpen(false);
                  go(a.id);
                }}
              >
                <span>{a.label}</span>
                <kbd aria-hidden="true">{formatShortcut({ key: a.key, mod: true })}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <span className="reviewer" title={`Taking notes as ${reviewer.name}`}>
            <span className="initials" aria-hidden="true">
              {reviewer.initials}
            </span>
            <span className="visually-hidden">Reviewer: </span>
            {reviewer.name}
          </span>
          <span>
            <kbd>{formatShortcut({ key: 'k', mod: true })}</kbd> Commands
          </span>
        </div>
      </nav>
      <main className="content" id="main" ref={mainRef} tabIndex={-1} aria-labelledby="area-title">
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <ol>
            <li>{workspace.name}</li>
            {crumbs.length === 0 ? (
              <li aria-current="page">{current.label}</li>
            ) : (
              crumbs.map((crumb, index) => (
                <li key={index} aria-current={index === crumbs.length - 1 ? 'page' : undefined}>
                  {crumb.onSelect ? (
                    <button type="button" className="crumb" onClick={crumb.onSelect}>
                      {crumb.label}
                    </button>
                  ) : (
                    crumb.label
                  )}
                </li>
              ))
            )}
          </ol>
        </nav>
        <OpenNotice notice={workspace.notice ?? null} />
        {/* Present from the start, so the notice is announced when another tab opens this workspace. */}
        <div role="status" className="open-elsewhere-status">
          {openElsewhere && (
            <p className="open-elsewhere">
              This workspace is also open in another tab or window. Both are safe: if the same note is edited in both,
              Fieldnotes asks which text to keep.
            </p>
          )}
        </div>
        <BreadcrumbContext.Provider value={setCrumbs}>
        {area === 'engagements' ? (
          <EngagementsView key={visit} location={location} />
        ) : area === 'participants' ? (
          <ParticipantsView key={visit} />
        ) : area === 'themes' ? (
          <ThemesView key={visit} />
        ) : area === 'findings' ? (
          <FindingsView key={`${visit} ${openFinding ?? ''}`} openFindingId={openFinding} />
        ) : area === 'analysis' ? (
          <AnalysisView key={visit} />
        ) : area === 'report' ? (
          <ReportView key={visit} />
        ) : area === 'team' ? (
          <AgreementView key={visit} />
        ) : area === 'backups' ? (
          <BackupsView key={visit} />
        ) : (
          <section className="area">
            <h1 id="area-title">{current.label}</h1>
            <p className="empty">Not built yet. This area will hold: {comingSoon[area]}</p>
          </section>
        )}
        </BreadcrumbContext.Provider>
        <AddToFindingDialog />
        <TrustCommands />
      </main>
    </div>
  );
}
