curl --request POST \
     --url 'https://api.vambe.me/api/public/contact/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c/assign-team-member/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b?removeExistingAgents=true' \
     --header 'x-api-key: {{VAMBE_API_KEY}}'
