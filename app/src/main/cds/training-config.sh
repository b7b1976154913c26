# Sourced by train.sh and train-image.sh: writes the training run's two configuration files into the folder $1, with
# the paths they will have where CdsTraining reads them. vizgate.yaml: direct trust, its secret from ${CDS_SECRET}
# (CdsTraining.SECRET). serve.yaml: the same, for a gateway on a free port with the API key of CdsTraining.API_KEY.
training_config() {
  local dir=$1 key_sha
  cat > "$dir/vizgate.yaml" <<'YAML'
tableau:
  server-url: https://tableau.example.com
  site: training
  connected-app:
    client-id: "cds-training"
    trust: direct
    secrets: [ { id: "s1", value: "${CDS_SECRET}" } ]
YAML
  key_sha=$(printf %s cds-training-api-key | sha256sum | cut -d' ' -f1)
  { echo "server: { bind: 127.0.0.1, port: 0 }"; echo "callers: { api-keys: [ { name: training, sha256: \"$key_sha\" } ] }"
    cat "$dir/vizgate.yaml"; } > "$dir/serve.yaml"
}
