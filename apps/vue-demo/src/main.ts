import '@context-action/demo-theme/demo.css'
import { createApiClient } from '@context-action/demo-api/client'
import { createDemoDomain } from '@context-action/demo-domain'
import { createApp, h } from 'vue'
import App from './App.vue'
import { DemoProvider } from './context'

const domain = createDemoDomain({ api: createApiClient() })

createApp({ render: () => h(DemoProvider, { domain }, () => h(App)) }).mount('#app')

void domain.dispatch('loadUsers')
void domain.dispatch('loadProducts')
void domain.dispatch('loadSettings')

import.meta.hot?.dispose(() => domain.dispose())
