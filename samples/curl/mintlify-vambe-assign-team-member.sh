curl --request POST \
  --url 'https://api.vambe.me/api/public/contact/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/assign-team-member/0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d?removeExistingAgents=true' \
  --header 'x-api-key: <api-key>'
