import { useEffect, useRef, useState } from 'react'
import type { ApiClient } from '../api/client.js'
import type { JourneyListItem } from '../api/types.js'
import type { Identity } from '../collab/identity.js'
import { exportHref, journeyHref } from '../routing/route.js'
import { CurveIcon, PlusIcon, SearchIcon, UploadIcon } from '../shell/icons.js'
import { TopBar } from '../shell/TopBar.js'
import { DeleteJourneyDialog } from './DeleteJourneyDialog.js'
import { filterJourneys } from './filter-journeys.js'
import { ImportErrors } from './ImportErrors.js'
import { JourneyRow } from './JourneyRow.js'
import { NewJourneyDialog } from './NewJourneyDialog.js'
import { pickImportFile } from './read-import-file.js'
import { useFileDrop } from './useFileDrop.js'
import { useImport } from './useImport.js'
import { useJourneys } from './useJourneys.js'
import './home.css'

interface HomePageProps {
  api: ApiClient
  /** The access token the page was opened with, carried into the journeys it opens. */
  token: string | null
  identity: Identity | null
  onEditIdentity: () => void
  onOpen: (href: string) => void
}

/** The journeys home: start something new, bring a file in, or pick up where the team left off. */
export function HomePage({ api, token, identity, onEditIdentity, onOpen }: HomePageProps) {
  const { journeys, templates, error, reload, forget } = useJourneys(api)
  const importer = useImport(api)
  const [query, setQuery] = useState('')
  const [creating, setCreating] = useState<{ template: string | null } | null>(null)
  const [deleting, setDeleting] = useState<JourneyListItem | null>(null)
  const [dropError, setDropError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const search = useRef<HTMLInputElement>(null)

  // "/" jumps to search, as in most tools people already use.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      const typing = target?.closest('input, textarea, select, [contenteditable="true"], dialog')
      if (event.key !== '/' || typing || event.metaKey || event.ctrlKey || event.altKey) return
      event.preventDefault()
      search.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  async function importOne(file: File) {
    setDropError(null)
    const id = await importer.importFile(file)
    if (id) onOpen(journeyHref(id, token))
  }

  const dragging = useFileDrop((files) => {
    if (importer.busy) return
    const picked = pickImportFile(files)
    if (typeof picked === 'string') setDropError(picked)
    else void importOne(picked)
  })

  const shown = journeys ? filterJourneys(journeys, query) : []
  const open = (id: string) => onOpen(journeyHref(id, token))

  return (
    <div className="tl-home">
      <TopBar identity={identity} onEditIdentity={onEditIdentity}>
        <button
          type="button"
          className="tl-button"
          data-testid="import-journey"
          disabled={importer.busy}
          onClick={() => fileInput.current?.click()}
        >
          <UploadIcon />
          {importer.busy ? 'Importing…' : 'Import'}
        </button>
        <input
          ref={fileInput}
          className="tl-visually-hidden"
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void importOne(file)
          }}
        />
        <button
          type="button"
          className="tl-button tl-button--primary"
          data-testid="new-journey"
          onClick={() => setCreating({ template: null })}
        >
          <PlusIcon />
          New journey
        </button>
      </TopBar>

      <main className="tl-home__main">
        <section className="tl-home__hero">
          <h1>Journeys</h1>
          <p>
            Map how buyers move from first hearing of you to buying and staying: together, live.
          </p>
        </section>

        {importer.failure && (
          <ImportErrors failure={importer.failure} onDismiss={importer.dismiss} />
        )}
        {dropError && (
          <p className="tl-form-error" role="alert">
            {dropError}
          </p>
        )}

        <section className="tl-home__section" aria-labelledby="start-heading">
          <h2 className="tl-home__heading" id="start-heading">
            Start a journey
          </h2>
          <div className="tl-home__templates">
            <button
              type="button"
              className="tl-template-card tl-template-card--blank"
              data-testid="template-card"
              data-template="blank"
              onClick={() => setCreating({ template: null })}
            >
              <span className="tl-template-card__art" aria-hidden="true">
                <PlusIcon size={22} />
              </span>
              <span className="tl-template-card__name">Blank journey</span>
              <span className="tl-template-card__description">
                The seven B2B stages, ready for your touchpoints.
              </span>
            </button>
            {templates.map((template) => (
              <button
                type="button"
                key={template.id}
                className="tl-template-card"
                data-testid="template-card"
                data-template={template.id}
                title={template.description}
                onClick={() => setCreating({ template: template.id })}
              >
                <span className="tl-template-card__art" aria-hidden="true">
                  <CurveIcon size={22} />
                </span>
                <span className="tl-template-card__name">{template.name}</span>
                <span className="tl-template-card__description">{template.description}</span>
              </button>
            ))}
          </div>
        </section>

        <section className="tl-home__section" aria-labelledby="list-heading">
          <div className="tl-home__list-header">
            <h2 className="tl-home__heading" id="list-heading">
              All journeys
              {journeys && journeys.length > 0 && (
                <span className="tl-home__total">{journeys.length}</span>
              )}
            </h2>
            <label className="tl-search">
              <SearchIcon />
              <span className="tl-visually-hidden">Search journeys</span>
              <input
                ref={search}
                type="search"
                data-testid="journey-search"
                placeholder="Search by title"
                aria-keyshortcuts="/"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
              <kbd title="Press / to search">/</kbd>
            </label>
          </div>

          {error && (
            <div className="tl-home__notice" role="alert">
              <span>{error}</span>
              <button type="button" className="tl-button tl-button--small" onClick={reload}>
                Try again
              </button>
            </div>
          )}

          {journeys === null && !error && (
            <ul className="tl-journey-list tl-journey-list--loading" aria-busy="true">
              <li />
              <li />
              <li />
            </ul>
          )}

          {journeys !== null && journeys.length === 0 && (
            <div className="tl-home__empty" data-testid="journey-list-empty">
              <strong>No journeys yet</strong>
              <span>
                Start from a template above, or drop a Touchline JSON file anywhere on this page.
              </span>
            </div>
          )}

          {journeys !== null && journeys.length > 0 && (
            <>
              <ul className="tl-journey-list" data-testid="journey-list">
                {shown.map((journey) => (
                  <JourneyRow
                    key={journey.id}
                    journey={journey}
                    href={journeyHref(journey.id, token)}
                    exportHref={exportHref(journey.id, token)}
                    onOpen={open}
                    onDelete={setDeleting}
                  />
                ))}
              </ul>
              {shown.length === 0 && (
                <div className="tl-home__empty">
                  <strong>No journey matches “{query.trim()}”</strong>
                  <button
                    type="button"
                    className="tl-button tl-button--small"
                    onClick={() => setQuery('')}
                  >
                    Clear search
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      </main>

      {dragging && (
        <div className="tl-drop-overlay" data-testid="drop-overlay">
          <div className="tl-drop-overlay__card">
            <UploadIcon size={28} />
            <strong>Drop to import</strong>
            <span>A Touchline journey JSON file</span>
          </div>
        </div>
      )}

      {creating && (
        <NewJourneyDialog
          api={api}
          templates={templates}
          initialTemplate={creating.template}
          onCreated={open}
          onClose={() => setCreating(null)}
        />
      )}
      {deleting && (
        <DeleteJourneyDialog
          journey={deleting}
          api={api}
          onDeleted={(id) => {
            forget(id)
            setDeleting(null)
            reload()
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  )
}
