"""What a WebDAV drop box (fieldkit.sync.dropbox.webdav) says went wrong, in English; the
Vietnamese is in fieldkit.sync.dropbox.messages. The coordinator's share (`fieldkit serve`)
speaks the same protocol, so its refusals are here too."""

NOT_A_WEBDAV_URL = "{url!r} is not a drop box address: it must start with https:// (or http://) and name a server."
PIN_WITHOUT_TLS = ("The drop box {url} is reached over http://, which has no certificate to pin; use its "
                   "https:// address, or remove the pinned fingerprint.")
BAD_PIN = ("The certificate fingerprint {pin!r} pinned for the drop box {url} is not a SHA-256 fingerprint "
           "(64 hexadecimal digits); copy it again from the server's administrator.")
UNREACHABLE = ("The drop box {url} cannot be reached ({error}). There may be no network now: "
               "sync resumes by itself when the connection returns.")
INTERRUPTED = "The connection to the drop box {url} was cut ({error}); the next sync starts again."
TRUNCATED = ("The drop box sent only {received} of the {declared} bytes of {path!r}; nothing was kept, "
             "the next sync fetches it again.")
LOCAL_FILE = "The file {path!r} on this computer could not be used ({error}). Check that the disk has free space."
TOO_LARGE = "The drop box file {path!r} is larger than {limit} bytes, the most fieldkit accepts; it was not fetched."
LISTING_TOO_LARGE = "The drop box {url} sent a folder listing too large to read; it was not used."
CERTIFICATE = ("The drop box {url} did not present a valid certificate ({error}). If it is your organisation's "
               "own server, pin its certificate's fingerprint in the drop box settings.")
PIN_MISMATCH = ("The drop box {url} presented a certificate other than the pinned one (SHA-256 {seen}, expected "
                "{expected}); nothing was sent. Ask the server's administrator whether its certificate changed.")
UNAUTHORIZED = "The drop box {url} refused the user name or password. Check the password in the drop box settings."
FORBIDDEN = ("The drop box {url} does not let this user write or read {path!r}. "
             "Ask its administrator for access to the folder.")
NOT_TRUSTED_BY_COORDINATOR = ("The coordinator's laptop at {url} does not trust this laptop yet. Show the coordinator "
                              "this laptop's key fingerprint (Coordinator › Trusted devices, or fieldkit keys show) "
                              "and ask them to trust it.")
NOT_FOUND = "The drop box {url} has no {path!r}. Check the drop box address."
FULL = "The drop box {url} is full. Ask its administrator for space; nothing is lost, sync resumes afterwards."
COORDINATOR_NOT_TAKEN_IN = ("The coordinator's laptop at {url} has not yet taken in what this laptop sent, and "
                            "accepts no more from it until it does. It takes it in by itself while it shares on "
                            "the network (Coordinator › Share on this network, or fieldkit serve); sync then "
                            "resumes. Nothing is lost.")
COORDINATOR_DISK_FULL = ("The coordinator's laptop at {url} is nearly out of disk space. Ask the coordinator to free "
                         "some; nothing is lost, sync resumes afterwards.")
LARGER_THAN_COORDINATOR_QUOTA = ("What this laptop sends is larger than the coordinator's laptop at {url} accepts "
                                 "from one laptop. Ask the coordinator to share with a larger quota (fieldkit serve "
                                 "--quota); nothing is lost.")
SERVER = ("The drop box {url} had a fault (HTTP {status}). Sync tries again later; "
          "if it persists, tell its administrator.")
UNEXPECTED = "The drop box {url} gave an unexpected answer (HTTP {status}) for {path!r}. Check the drop box address."
