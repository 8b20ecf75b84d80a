import '@context-action/demo-theme/demo.css'
import { createApiClient } from '@context-action/demo-api/client'
import { createDemoDomain } from '@context-action/demo-domain'
import { createApp } from 'vue'
import App from './App.vue'
import { demoPlugin } from './context'

const domain = createDemoDomain({ api: createApiClient() })

createApp(App).use(demoPlugin(domain)).mount('#app')

void domain.dispatch('loadUsers')
void domain.dispatch('loadProducts')
void domain.dispatch('loadSettings')

import.meta.hot?.dispose(() => domain.dispose())
