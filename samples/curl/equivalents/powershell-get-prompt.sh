curl -s -H 'Accept: application/json' 'https://api.vambe.me/api/public/team-members/all' -H 'x-api-key: vb_live_51Hq'
