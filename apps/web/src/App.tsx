import { useEffect, useState } from 'react'
import { useApi } from './api/useApi.js'
import { IdentityDialog } from './collab/IdentityDialog.js'
import { useIdentity } from './collab/useIdentity.js'
import { HomePage } from './home/HomePage.js'
import { JourneyRoute } from './JourneyRoute.js'
import { navigate, useRoute } from './routing/navigation.js'
import { NotFound } from './shell/NotFound.js'

/** The two pages, and the one question (who are you?) asked before joining a journey. */
export function App() {
  const route = useRoute()
  const [identity, setIdentity] = useIdentity()
  const [editingIdentity, setEditingIdentity] = useState(false)
  const api = useApi(route.name === 'not-found' ? null : route.token)

  // The editor titles its own page after the journey; this covers the other pages.
  useEffect(() => {
    if (route.name === 'home') document.title = 'Journeys · Touchline'
    if (route.name === 'not-found') document.title = 'Not found · Touchline'
  }, [route.name])

  const askIdentity = editingIdentity || (route.name === 'journey' && identity === null)

  return (
    <>
      {route.name === 'home' && (
        <HomePage
          api={api}
          token={route.token}
          identity={identity}
          onEditIdentity={() => setEditingIdentity(true)}
          onOpen={(href) => navigate(href)}
        />
      )}
      {route.name === 'journey' && identity && (
        <JourneyRoute journeyId={route.journeyId} token={route.token} identity={identity} />
      )}
      {route.name === 'not-found' && <NotFound path={route.path} />}
      {askIdentity && (
        <IdentityDialog
          initial={identity}
          onSave={(next) => {
            setIdentity(next)
            setEditingIdentity(false)
          }}
          onCancel={identity ? () => setEditingIdentity(false) : undefined}
        />
      )}
    </>
  )
}
