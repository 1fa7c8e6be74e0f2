'use strict';
// Loads the appliance's .proto contracts exactly as another stack would: from the files, not from generated code.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function load(protoDir) {
  const definition = protoLoader.loadSync(
    [path.join(protoDir, 'sync.proto'), path.join(protoDir, 'report.proto')],
    { includeDirs: [protoDir], longs: String, enums: String, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(definition);
  const health = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'health.proto'), { enums: String, defaults: true }));
  return { grpc, sync: loaded.appliance.sync.v1, report: loaded.appliance.report.v1, health: health.grpc.health.v1 };
}

module.exports = { load };
