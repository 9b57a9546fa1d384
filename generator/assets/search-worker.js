/* Search worker for Material for MkDocs, backed by Pagefind.
 *
 * Material's search box talks to a web worker with four messages (SETUP, READY, QUERY,
 * RESULT); its own worker builds a lunr index of the whole site in the browser before the
 * first answer. This one answers from the Pagefind index in /pagefind/, which loads only
 * the parts of the index that hold the words asked for. Written by the dossier plugin
 * (option `search_engine: pagefind`); the site root is two levels above this file.
 */

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
const FIRST = 10
const LIMIT = 100

const root = new URL("../../", self.location.href)
let pagefind = null
let latest = null
let queue = Promise.resolve()

function engine() {
  if (pagefind === null)
    pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async module => {
      await module.options({ excerptLength: 30 })
      await module.init()
      return module
    })
  return pagefind
}

function escapeHTML(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
}

/* A Pagefind address ("/quellen/x/#satz-3") as Material's location, relative to the root */
function siteLocation(url) {
  return url.replace(/^\//, "")
}

/* Material's result: one group per page, the page first, then its matching sections */
async function search(query, limit) {
  const words = query.split(/[\s\-]+/).map(word => word.replace(/[*+\-:^~]/g, "")).filter(Boolean)
  if (!words.length)
    return { items: [] }
  const module = await engine()
  const found = await module.search(words.join(" "))
  if (query !== latest)
    return null
  const pages = await Promise.all(found.results.slice(0, limit).map(result => result.data()))
  const items = pages.map((page, rank) => {
    const score = found.results[rank].score
    const terms = {}
    for (const word of words)
      terms[word.toLowerCase()] = true
    const title = escapeHTML(page.meta.title || page.url)
    const group = [{ location: siteLocation(page.url), title, text: page.excerpt, score, terms }]
    /* sections named by the query first, shown open (Material folds those scored below
       the page); then the others by their number of hits */
    const sections = (page.sub_results || [])
      .filter(section => section.url !== page.url && section.url.includes("#"))
      .map(section => ({
        section,
        named: words.some(word => section.title.toLowerCase().includes(word.toLowerCase())),
        hits: (section.locations || []).length
      }))
      .sort((a, b) => (b.named - a.named) || (b.hits - a.hits))
    for (const { section, named } of sections)
      group.push({
        location: siteLocation(section.url),
        title: escapeHTML(section.title),
        text: section.excerpt,
        score: named ? score : score / 2,
        terms
      })
    return group
  })
  return { items, more: found.results.length > limit }
}

addEventListener("message", event => {
  const message = event.data
  if (message.type === SETUP) {
    engine()
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    latest = message.data
    queue = queue.then(async () => {
      if (message.data !== latest)
        return
      /* the 10 results Material shows first, then up to LIMIT (its count and the list
         on scrolling); each result is one small request */
      for (const limit of [FIRST, LIMIT]) {
        let data
        try {
          data = await search(message.data, limit)
        } catch (error) {
          console.warn(error)
          data = { items: [] }
        }
        if (data === null || message.data !== latest)
          return
        const more = data.more
        delete data.more
        postMessage({ type: RESULT, data })
        if (!more)
          return
        /* the rest only once the reader has stopped typing */
        await new Promise(resolve => setTimeout(resolve, 300))
        if (message.data !== latest)
          return
      }
    })
  }
})
