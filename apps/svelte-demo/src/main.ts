import '@context-action/demo-theme/demo.css'
import { createApiClient } from '@context-action/demo-api/client'
import { createDemoDomain } from '@context-action/demo-domain'
import { mountScreen } from './mount'

const target = document.getElementById('app')
if (target === null) throw new Error('main.ts: index.html has no #app element to mount the demo into')

const domain = createDemoDomain({ api: createApiClient() })

mountScreen(target, 'App', domain)

void domain.dispatch('loadUsers')
void domain.dispatch('loadProducts')
void domain.dispatch('loadSettings')

import.meta.hot?.dispose(() => domain.dispose())
