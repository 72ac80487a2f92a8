curl --request POST \
  --url https://api.vambe.me/api/public/contact/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/update-metadata \
  --header 'Content-Type: application/json' \
  --header 'x-api-key: <api-key>' \
  --data '{
  "metadata": {
    "plan": "gold",
    "source": "whatsapp"
  }
}'
