"""One valid set of parameters per catalog API, shared by the generation tests and samples/."""

from __future__ import annotations

UNBLU_BASE = "https://unblu.example.com/app/rest/v4"
CONTACT = "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"
MEMBER = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"

# api id -> (parameter values as a user gives them, body the API must receive)
CASES: dict[str, tuple[dict, dict | None]] = {
    "doubletick.assign-chat": (
        {
            "customerPhoneNumber": "+91 98765-43210",
            "assignedUserPhoneNumber": "919812345678",
            "reassign": True,
            "wabaNumber": "919000000000",
        },
        {
            "customerPhoneNumber": "919876543210",
            "assignedUserPhoneNumber": "919812345678",
            "reassign": True,
            "wabaNumber": "919000000000",
        },
    ),
    "doubletick.unassign-chat": (
        {"customerPhoneNumber": "919876543210", "wabaNumber": "+91 90000 00000"},
        {"customerPhoneNumber": "919876543210", "wabaNumber": "919000000000"},
    ),
    "doubletick.add-collaborators": (
        {
            "from": "919000000000",
            "to": "919876543210",
            "agentNumbers": ["919812345678", "+44 7911 123456"],
        },
        {
            "from": "919000000000",
            "to": "919876543210",
            "agentNumbers": ["919812345678", "447911123456"],
        },
    ),
    "doubletick.remove-collaborators": (
        {"from": "919000000000", "to": "919876543210", "agentNumbers": ["919812345678"]},
        {"from": "919000000000", "to": "919876543210", "agentNumbers": ["919812345678"]},
    ),
    "doubletick.assign-customer": (
        {
            "customerPhoneNumber": "919876543210",
            "assignedUserPhoneNumber": "919812345678",
            "wabaNumber": "919000000000",
        },
        {
            "customerPhoneNumber": "919876543210",
            "assignedUserPhoneNumber": "919812345678",
            "wabaNumber": "919000000000",
        },
    ),
    "vambe.assign-team-member": (
        {"aiContactId": CONTACT, "teamMemberId": MEMBER, "removeExistingAgents": True},
        None,
    ),
    "unblu.forward-conversation": (
        {
            "conversationId": "c-123",
            "agentPersonId": "p-456",
            "comment": "Over to you, it's urgent",
        },
        {
            "conversationId": "c-123",
            "agentPersonId": "p-456",
            "comment": "Over to you, it's urgent",
        },
    ),
    "unblu.add-participant": (
        {
            "conversationId": "c-123",
            "personId": "p-456",
            "hidden": False,
            "conversationStarred": True,
        },
        {"personId": "p-456", "hidden": False, "conversationStarred": True},
    ),
    "unblu.set-assignee": (
        {"conversationId": "c-123", "personId": "p-456"},
        {"personId": "p-456"},
    ),
    "unblu.change-visibility": (
        {"conversationId": "c-123", "personId": "p-456", "hidden": False},
        {"personId": "p-456", "hidden": False},
    ),
    "unblu.offboard-participant": (
        {
            "conversationId": "c-123",
            "personId": "p-789",
            "reason": "USER_CHANGED",
            "comment": "handed over",
        },
        {"personId": "p-789", "reason": "USER_CHANGED", "comment": "handed over"},
    ),
    "unblu.set-awaited-person-type": (
        {"conversationId": "c-123", "awaitedPersonType": "AGENT"},
        {"awaitedPersonType": "AGENT"},
    ),
}


def base_url_for(api_id: str) -> str | None:
    return UNBLU_BASE if api_id.startswith("unblu.") else None


# DoubleTick's docs hand out this snippet (shared api-facts, "ReadMe style").
README_SNIPPET = """\
curl --request POST \\
     --url https://public.doubletick.io/team-member/assign \\
     --header 'Authorization: key_xxxxxxxxxx' \\
     --header 'accept: application/json' \\
     --header 'content-type: application/json' \\
     --data '
{
  "customerPhoneNumber": "919876543210",
  "assignedUserPhoneNumber": "919812345678",
  "reassign": true,
  "wabaNumber": "919000000000"
}
'
"""
