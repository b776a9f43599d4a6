// A wallet receiving a credential by OpenID4VCI 1.0 (pre-authorized code flow), built on
// OpenWallet Foundation's oid4vc-ts client and Node's own Ed25519: nothing from Skillstack.
//
//   node run.mjs '<openid-credential-offer://…>' <tx_code PIN> [--insecure]
//
// Prints one JSON line: {"holder": <did:key>, "credential": <the credential received>}.
// --insecure lets the client talk plain http (a test server on localhost); never in a real wallet.
import crypto from 'node:crypto'

import {
  clientAuthenticationAnonymous,
  setGlobalConfig,
} from '@openid4vc/oauth2'
import { Openid4vciClient } from '@openid4vc/openid4vci'

const [offerUri, txCode, ...flags] = process.argv.slice(2)
if (!offerUri) {
  console.error('usage: node run.mjs <credential offer URI> [tx_code] [--insecure]')
  process.exit(2)
}
if (flags.includes('--insecure')) setGlobalConfig({ allowInsecureUrls: true })

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function base58btc(bytes) {
  let value = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'))
  let out = ''
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out
    value /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    out = '1' + out
  }
  return out
}

const b64url = (data) => Buffer.from(data).toString('base64url')

// The wallet's key: Ed25519, as a did:key (multicodec 0xed01 + 32 bytes, base58btc).
const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519')
const publicJwk = publicKey.export({ format: 'jwk' })
const multibase = 'z' + base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), Buffer.from(publicJwk.x, 'base64url')]))
const did = `did:key:${multibase}`
const kid = `${did}#${multibase}`

const callbacks = {
  fetch: globalThis.fetch,
  generateRandom: (length) => crypto.randomBytes(length),
  hash: (data, alg) => crypto.createHash(alg.replace('-', '')).update(data).digest(),
  clientAuthentication: clientAuthenticationAnonymous(),
  signJwt: async (signer, { header, payload }) => {
    if (signer.alg !== 'EdDSA') throw new Error(`this wallet signs only EdDSA, not ${signer.alg}`)
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
    const signature = crypto.sign(null, Buffer.from(input), privateKey)
    return { jwt: `${input}.${b64url(signature)}`, signerJwk: publicJwk }
  },
}

const client = new Openid4vciClient({ callbacks })
const credentialOffer = await client.resolveCredentialOffer(offerUri)
const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer)
const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
  credentialOffer,
  issuerMetadata,
  txCode,
})
const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata })
const credentialConfigurationId = credentialOffer.credential_configuration_ids[0]
const { jwt } = await client.createCredentialRequestJwtProof({
  issuerMetadata,
  credentialConfigurationId,
  nonce,
  signer: { method: 'did', didUrl: kid, alg: 'EdDSA' },
})
const { credentialResponse } = await client.retrieveCredentials({
  issuerMetadata,
  accessToken: accessTokenResponse.access_token,
  credentialConfigurationId,
  proofs: { jwt: [jwt] },
})
console.log(JSON.stringify({ holder: did, credential: credentialResponse.credentials[0].credential }))
