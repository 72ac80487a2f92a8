# expect-warning: --ntlm
# differs: Authorization
# curl's first request carries an NTLM negotiation (no credentials), which a component cannot hold.
curl --ntlm -u 'CORP\alice:pw' http://intranet.example.com/api/report
