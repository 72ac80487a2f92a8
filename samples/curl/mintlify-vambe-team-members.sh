curl --request GET \
  --url https://api.vambe.me/api/public/team-members/all \
  --header 'x-api-key: <api-key>'
