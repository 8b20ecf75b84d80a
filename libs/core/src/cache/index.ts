export { createCache, type Cache, type CacheEntries, type CacheEntry, type CacheKeyStatus, type CacheLookup, type CacheOptions, type CacheSource } from './cache'
