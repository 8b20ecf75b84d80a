import type { DemoDomain } from '@context-action/demo-domain'
import { mount, unmount } from 'svelte'
import App from './App.svelte'
import ApiSwitches from './components/ApiSwitches.svelte'
import DemoProvider from './DemoProvider.svelte'
import ActionLog from './screens/ActionLog.svelte'
import CacheSync from './screens/CacheSync.svelte'
import Checkout from './screens/Checkout.svelte'
import MasterDetail from './screens/MasterDetail.svelte'

/** What `mountScreen` can mount, by file name. */
export const screens = { App, ApiSwitches, MasterDetail, CacheSync, Checkout, ActionLog }

export type ScreenName = keyof typeof screens

/**
 * Mount one screen into `target` over an existing `domain`, which unmounting does not dispose; returns the unmount function.
 * @example const unmountSvelte = mountScreen(document.querySelector('#svelte')!, 'MasterDetail', domain)
 */
export function mountScreen(target: Element, screen: ScreenName, domain: DemoDomain): () => Promise<void> {
  if (!Object.hasOwn(screens, screen)) throw new TypeError(`mountScreen: unknown screen ${JSON.stringify(screen)}; use one of ${Object.keys(screens).join(', ')}`)
  const instance = mount(DemoProvider, { target, props: { domain, screen: screens[screen] } })
  return () => unmount(instance)
}
