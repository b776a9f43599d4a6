// A wallet answering a VC-API exchange with DIDAuth, as the Learner Credential Wallet does,
// built on Digital Bazaar's reference libraries (vc, data-integrity, eddsa-rdfc-2022).
//
//   node didauth.mjs <exchange URL>
//
// Prints one JSON line: {"holder": <did:key>, "response": <the exchange's final answer>}.
import * as vc from '@digitalbazaar/vc'
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'

const [exchangeUrl] = process.argv.slice(2)
if (!exchangeUrl) {
  console.error('usage: node didauth.mjs <exchange URL>')
  process.exit(2)
}

// Only bundled contexts: nothing is fetched while signing.
const documentLoader = async (url) => {
  const document = credentialContexts.get(url)
  if (!document) throw new Error(`no bundled context for ${url}`)
  return { contextUrl: null, documentUrl: url, document }
}

async function post(body) {
  const response = await fetch(exchangeUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  })
  const answer = await response.json()
  if (!response.ok) throw new Error(`exchange answered ${response.status}: ${JSON.stringify(answer)}`)
  return answer
}

const keyPair = await Ed25519Multikey.generate()
const did = `did:key:${keyPair.publicKeyMultibase}`
keyPair.controller = did
keyPair.id = `${did}#${keyPair.publicKeyMultibase}`

const { verifiablePresentationRequest: request } = await post({})
if (!request?.query?.some((q) => q.type === 'DIDAuthentication')) {
  throw new Error(`the exchange asked for something else: ${JSON.stringify(request)}`)
}
const presentation = vc.createPresentation({ holder: did, version: 2.0 })
const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 })
const signed = await vc.signPresentation({
  presentation,
  suite,
  challenge: request.challenge,
  domain: request.domain,
  documentLoader,
})
const response = await post({ verifiablePresentation: signed })
console.log(JSON.stringify({ holder: did, response }))
