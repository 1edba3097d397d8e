// Preloaded (node --require) into every Node client the conformance harness
// runs. It resolves the names in SUPABASE_EKS_HOSTS (JSON: name -> address)
// to their loopback address, as the VPC's DNS resolves the RDS endpoint to
// the instance; the client keeps using the name for everything else (TLS
// server name, certificate check, error messages). Other names resolve as
// usual, so a client dialling a host that does not exist fails as it would.
'use strict';
const dns = require('dns');
const hosts = JSON.parse(process.env.SUPABASE_EKS_HOSTS || '{}');
const lookup = dns.lookup;
dns.lookup = function mappedLookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  } else if (typeof options === 'number') {
    options = { family: options };
  }
  const address = Object.prototype.hasOwnProperty.call(hosts, hostname) ? hosts[hostname] : undefined;
  if (address === undefined) {
    return lookup.call(dns, hostname, options, callback);
  }
  if (options && options.all) {
    process.nextTick(callback, null, [{ address, family: 4 }]);
  } else {
    process.nextTick(callback, null, address, 4);
  }
  return {};
};
