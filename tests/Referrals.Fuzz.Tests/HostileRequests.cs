using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Fuzz.Tests;

/// <summary>
/// One generated request, kept small enough to print when it fails. <paramref name="MustBeRefused"/>: anything but a 4xx is a
/// failure (a foreign tenant's or a wrong role's request that would change or reveal something); <paramref name="MustNotReveal"/>:
/// ids of other tenants' data that must not appear in the answer, whatever its status.
/// </summary>
public sealed record FuzzRequest(
    string Operation,
    string Method,
    string PathAndQuery,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Mutation,
    FuzzIdentity Identity,
    bool MustBeRefused = false,
    IReadOnlyList<string>? MustNotReveal = null,
    bool AtForeignData = false);

public sealed record SeededReferral(
    Guid Id, string Municipality, string PersonalCode, string Phone, IReadOnlyList<string> SmsMessageIds, string FamilyName, string Address,
    string? ClientId);

public sealed record SeededOffer(Guid Id, Guid ReferralId, string ProviderId);

/// <summary>What exists after seeding: the ids hostile requests point at, and the documents valid bodies are cut from.</summary>
public sealed class SeededData
{
    public required IReadOnlyList<Guid> ReferralIds { get; init; }

    public required IReadOnlyList<string> OrganisationIds { get; init; }

    public required IReadOnlyList<string> ServiceIds { get; init; }

    public required IReadOnlyList<Guid> OfferIds { get; init; }

    public required IReadOnlyList<string> SmsMessageIds { get; init; }

    public required IReadOnlyList<string> RuleSetVersions { get; init; }

    public required JsonObject RuleSet { get; init; }

    public required IReadOnlyList<SeededReferral> Referrals { get; init; }

    public required IReadOnlyList<SeededOffer> Offers { get; init; }

    /// <summary>Service id → the organisation that offers it.</summary>
    public required IReadOnlyDictionary<string, string> ServiceOrganisations { get; init; }

    public IEnumerable<string> Municipalities => Referrals.Select(r => r.Municipality).Distinct(StringComparer.Ordinal);

    /// <summary>The providers the seeding made or offered something to (the demo directory has many more).</summary>
    public IEnumerable<string> RelevantProviders =>
        OrganisationIds.Where(o => o.StartsWith("fuzz-", StringComparison.Ordinal)).Concat(Offers.Select(o => o.ProviderId)).Distinct(StringComparer.Ordinal);

    public SeededReferral? Referral(Guid id) => Referrals.FirstOrDefault(r => r.Id == id);

    public IEnumerable<string> AllIds =>
        ReferralIds.Select(g => g.ToString()).Concat(OrganisationIds).Concat(ServiceIds)
            .Concat(OfferIds.Select(g => g.ToString())).Concat(SmsMessageIds).Concat(RuleSetVersions);
}

/// <summary>
/// Turns an index into one hostile request, deterministically (the same seed and index give the same request).
/// <para>
/// Every request that could change something is built so that it must be refused: a mutating operation either gets a
/// body with one field broken beyond repair (<see cref="Guard.AlwaysBreak"/>, applied after every other mutation so
/// nothing can undo it), or aims at an id that is not a target of that operation (<see cref="Guard.AlwaysMiss"/>), or
/// one of the two at random (<see cref="Guard.BreakOrMiss"/>). Read-only operations and the what-if check, which stores
/// nothing, take anything.
/// </para>
/// </summary>
public sealed class HostileRequests(IReadOnlyList<ApiOperation> operations, SeededData seeded, int seed)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPP", "UNSUBSCRIBE", "OPTOUT", "OPT-OUT", "CANCEL", "END", "QUIT", "REMOVE", "BEIGT", "APTURĒT", "СТОП",
    };

    private static readonly string[] ReferralOutcomes = ["NeedMet", "PartiallyMet", "NotMet", "NoLongerNeeded", "ReferredElsewhere"];
    private static readonly string[] DeclineReasons = ["NoCapacity", "NotEligible", "MissingDocuments", "OutOfServiceArea", "ClientRefused", "Other"];

    /// <summary>Ids already URL-encoded: not a GUID, negative, too long, traversal, NUL, bad UTF-8, direction overrides.</summary>
    private static readonly string[] MalformedIds =
    [
        "not-a-guid", "-1", "0", "-9223372036854775809", "99999999999999999999", new string('9', 5000), new string('a', 3000),
        "..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows", "%2e%2e", "%00", "a%00b", "%C3%28", "%FF%FE", "%E2%80%AE", "%E2%80%8B",
        "%F0%9F%94%A5", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffg",
        "%27%20OR%201%3D1%20--", "%7B%22%24gt%22%3A%22%22%7D", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%20", "null", "undefined",
        "1e400", "NaN", "true", "%25", "%2F", "%5C", "%3F", "%23",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=ebcdic", "application/merge-patch+json", "*/*", "",
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public enum Guard
    {
        /// <summary>Reads, or the what-if check that stores nothing.</summary>
        None,

        /// <summary>The body is always broken in <see cref="Policy.BreakerField"/>.</summary>
        AlwaysBreak,

        /// <summary>Either the body is broken or the id misses every target.</summary>
        BreakOrMiss,

        /// <summary>No body to break (accept, opt-out): the id always misses every target.</summary>
        AlwaysMiss,
    }

    public sealed record Policy(Guard Guard, Func<Random, JsonObject>? BaseBody, string? BreakerField, Func<Random, JsonNode?>? Breaker, IReadOnlySet<string> Targets);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Policy> _policies = new(StringComparer.Ordinal);

    public Guard GuardOf(string operationKey) => _policies.TryGetValue(operationKey, out var policy) ? policy.Guard : Guard.None;

    public Policy PolicyFor(ApiOperation operation) => _policies.GetOrAdd(operation.Key, _ => NewPolicy(operation));

    private Policy NewPolicy(ApiOperation operation)
    {
        var referrals = seeded.ReferralIds.Select(g => g.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var offers = seeded.OfferIds.Select(g => g.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var services = seeded.ServiceIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var none = new HashSet<string>();
        return operation.Key switch
        {
            "POST /api/referrals" => new(Guard.AlwaysBreak, SubmitBody, "municipality", BrokenCode, none),
            "POST /api/providers/organizations" or "POST /api/providers/admin/organizations" =>
                new(Guard.AlwaysBreak, OrganisationBody, "municipality", BrokenCode, none),
            "POST /api/eligibility/rulesets" or "PUT /api/eligibility/rulesets" =>
                new(Guard.AlwaysBreak, _ => (JsonObject)seeded.RuleSet.DeepClone(), "rules", BrokenRules, none),
            "POST /api/referrals/{id}/withdraw" => new(Guard.BreakOrMiss, _ => new JsonObject { ["reason"] = "Ģimene pārcēlās uz citu novadu" }, "reason", BrokenText, referrals),
            "POST /api/referrals/{id}/close" => new(Guard.BreakOrMiss, CloseBody, "outcome", r => BrokenEnum(r, ReferralOutcomes), referrals),
            "POST /api/providers/offers/{offerId}/decline" => new(Guard.BreakOrMiss, DeclineBody, "reason", r => BrokenEnum(r, DeclineReasons), offers),
            "PUT /api/providers/services/{serviceId}/capacity" => new(Guard.BreakOrMiss, _ => new JsonObject { ["available"] = 2, ["maximum"] = 20 }, "available", BrokenCount, services),
            "POST /api/providers/offers/{offerId}/accept" => new(Guard.AlwaysMiss, null, null, null, offers),
            "PUT /api/notifications/contacts/{referralId}/opt-out" => new(Guard.AlwaysMiss, null, null, null, referrals),
            "POST /api/eligibility/check" => new(Guard.None, CheckBody, null, null, none),
            // Signing in stores nothing; a token for a demo user is what it is for.
            "POST /auth/dev/token" => new(Guard.None, _ => new JsonObject { ["userId"] = "demo-sw-daugavpils" }, null, null, none),
            _ when operation.Method is "GET" or "HEAD" => new(Guard.None, null, null, null, none),
            // Opting back in a family that never opted out changes nothing: any id, seeded ones included.
            "DELETE /api/notifications/contacts/{referralId}/opt-out" => new(Guard.None, null, null, null, none),
            // A mutating operation this test does not know: only ids that cannot exist, and bodies that are not JSON.
            _ => new(Guard.AlwaysMiss, null, null, null, seeded.AllIds.ToHashSet(StringComparer.OrdinalIgnoreCase)),
        };
    }

    /// <summary>
    /// Request <paramref name="index"/>: a third sent by a foreign tenant or a wrong role at real targets with valid
    /// bodies (where the operation has a tenant), the others guarded (see <see cref="Guard"/>) and sent by the entitled
    /// user, or with no valid token at all.
    /// </summary>
    public FuzzRequest Create(int index)
    {
        var operation = operations[index % operations.Count];
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var roll = random.Next(100);
        if (roll < 35 && Foreign(operation, random, index) is { } foreign)
        {
            return foreign;
        }

        var request = CreateGuarded(operation, random);
        if (roll < 55)
        {
            var stranger = Pick(random, FuzzUsers.Unauthenticated.Concat(FuzzUsers.Strangers).ToList());
            return request with { Identity = stranger, MustBeRefused = stranger.Kind == IdentityKind.Unauthenticated && !IsAnonymous(operation) };
        }

        return request with { Identity = FuzzUsers.Entitled(EntitledUser(operation, request.PathAndQuery)) };
    }

    /// <summary>The operations that need no token (the family's status page, the SMS gateway's callbacks, the sign-in itself).</summary>
    public static bool IsAnonymous(ApiOperation operation) => operation.Key is
        "GET /api/notifications/status/{token}" or "GET /api/notifications/delivery-reports" or "GET /api/notifications/inbound-sms"
        or "GET /auth/dev/users" or "POST /auth/dev/token";

    private FuzzRequest CreateGuarded(ApiOperation operation, Random random)
    {
        var policy = PolicyFor(operation);
        var mutation = new List<string>();
        var breakBody = policy.Guard == Guard.AlwaysBreak || (policy.Guard == Guard.BreakOrMiss && random.Next(2) == 0);
        var mustMiss = policy.Guard == Guard.AlwaysMiss || (policy.Guard == Guard.BreakOrMiss && !breakBody);

        var path = new StringBuilder();
        foreach (var segment in operation.Template.Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            path.Append('/');
            path.Append(segment.StartsWith('{') ? PathValue(random, mustMiss ? policy.Targets : null, mutation) : segment);
        }

        var query = Query(operation, random, mutation);
        var headers = Headers(operation, random);
        byte[]? body = null;
        string? contentType = null;
        if (policy.BaseBody is not null || operation.BodyProperties.Count > 0)
        {
            (body, contentType) = Body(operation, policy, breakBody, random, mutation);
        }
        else if (random.Next(8) == 0 || (operation.Method is not "GET" and not "HEAD" && random.Next(3) == 0))
        {
            // A body where none is expected: ignored, or refused, never a crash.
            (body, contentType) = Raw(Encoding.UTF8.GetBytes("{\"reason\":\"x\",\"$where\":\"1\"}"), random, mutation);
        }

        return new FuzzRequest(operation.Key, operation.Method, path + query, body, contentType, headers, string.Join("; ", mutation),
            FuzzUsers.Unauthenticated[0]);
    }

    /// <summary>
    /// The user an operation is meant for, as far as the request names a target: the social worker of a seeded
    /// referral's municipality, the staff of a seeded offer's provider, the administrator for the directory and the rules.
    /// Guarded requests go out as this user, so that they get past authorization to the validation they are built to fail.
    /// </summary>
    private DemoUser EntitledUser(ApiOperation operation, string pathAndQuery)
    {
        var decoded = Uri.UnescapeDataString(pathAndQuery);
        var referral = seeded.Referrals.FirstOrDefault(r => decoded.Contains(r.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        var offer = seeded.Offers.FirstOrDefault(o => decoded.Contains(o.Id.ToString(), StringComparison.OrdinalIgnoreCase))
            ?? seeded.Offers.FirstOrDefault(o => o.ReferralId == referral?.Id);
        var template = operation.Template;
        var reads = operation.Method is "GET" or "HEAD";
        return template switch
        {
            _ when template.StartsWith("/api/providers/admin", StringComparison.Ordinal) => FuzzUsers.Administrator,
            "/api/providers/organizations" when !reads => FuzzUsers.Administrator,
            "/api/providers/services/{serviceId}/capacity" when !reads => FuzzUsers.Administrator,
            _ when template.StartsWith("/api/eligibility/rulesets", StringComparison.Ordinal) => FuzzUsers.Administrator,
            _ when template.StartsWith("/api/providers/offers", StringComparison.Ordinal) || template.StartsWith("/api/providers/referrals", StringComparison.Ordinal) =>
                FuzzUsers.ProviderStaff(offer?.ProviderId ?? "fuzz-org-dgv"),
            _ => FuzzUsers.SocialWorker(referral?.Municipality ?? "LV-DGV"),
        };
    }

    /// <summary>
    /// A request at real data of a tenant, with a valid body, sent by someone who may not touch it: a social worker of
    /// another municipality, staff of another provider, a coordinator (read-only), an administrator (no client data), or
    /// a token with a role or tenant the platform does not know. Null for operations without a tenant.
    /// </summary>
    private FuzzRequest? Foreign(ApiOperation operation, Random random, int index)
    {
        var referral = Pick(random, seeded.Referrals);
        var offer = Pick(random, seeded.Offers);
        var offerReferral = seeded.Referral(offer.ReferralId);
        var stranger = Pick(random, FuzzUsers.Strangers);
        FuzzIdentity Any(params DemoUser[] users) =>
            random.Next(8) == 0 ? stranger : FuzzUsers.Hostile(Pick(random, users));
        DemoUser[] ForeignWorkers(string? municipality) =>
            [.. new[] { FuzzUsers.ForeignMunicipality }.Concat(seeded.Municipalities).Where(m => m != municipality).Select(FuzzUsers.SocialWorker)];
        DemoUser[] OtherStaff(string? provider) =>
            [.. new[] { FuzzUsers.ElsewhereProvider }.Concat(seeded.RelevantProviders).Where(p => p != provider).Select(FuzzUsers.ProviderStaff)];
        // Staff of a provider that was offered the referral (any referral, when null) may see its minimum: not foreign.
        DemoUser[] StaffWithoutOffer(Guid? referralId) =>
            [.. new[] { FuzzUsers.ElsewhereProvider }.Concat(seeded.RelevantProviders)
                .Where(p => !seeded.Offers.Any(o => o.ProviderId == p && (referralId is null || o.ReferralId == referralId)))
                .Select(FuzzUsers.ProviderStaff)];
        var coordinator = FuzzUsers.Coordinator(FuzzUsers.OwnRegion);
        var foreignCoordinator = FuzzUsers.Coordinator(FuzzUsers.ForeignRegion);
        var admin = FuzzUsers.Administrator;
        var allReferrals = seeded.Referrals.Select(r => r.Id.ToString()).ToList();
        var allOffers = seeded.Offers.Select(o => o.Id.ToString()).ToList();
        List<string> ReferralsNotOf(string? municipality) => seeded.Referrals.Where(r => r.Municipality != municipality).Select(r => r.Id.ToString()).ToList();

        (string Path, JsonObject? Body, FuzzIdentity Identity, bool Refused, IReadOnlyList<string>? Hidden)? built = operation.Key switch
        {
            "POST /api/referrals" => Submission(random, index, referral.Municipality) is var body
                ? ("/api/referrals", body, Any([.. ForeignWorkers(referral.Municipality), .. OtherStaff(null), coordinator, admin]), true, null)
                : null,
            "POST /api/referrals/{id}/withdraw" =>
                ($"/api/referrals/{referral.Id}/withdraw", new JsonObject { ["reason"] = "Ģimene pārcēlās" },
                 Any([.. ForeignWorkers(referral.Municipality), .. OtherStaff(null), coordinator, admin]), true, null),
            "POST /api/referrals/{id}/close" =>
                ($"/api/referrals/{referral.Id}/close", CloseBody(random),
                 Any([.. ForeignWorkers(referral.Municipality), .. OtherStaff(null), coordinator, admin]), true, null),
            "POST /api/providers/offers/{offerId}/accept" =>
                ($"/api/providers/offers/{offer.Id}/accept", null,
                 Any([.. OtherStaff(offer.ProviderId), FuzzUsers.SocialWorker(offerReferral?.Municipality ?? "LV-DGV"), coordinator, admin]), true, null),
            "POST /api/providers/offers/{offerId}/decline" =>
                ($"/api/providers/offers/{offer.Id}/decline", DeclineBody(random),
                 Any([.. OtherStaff(offer.ProviderId), FuzzUsers.SocialWorker(offerReferral?.Municipality ?? "LV-DGV"), coordinator, admin]), true, null),
            "PUT /api/providers/services/{serviceId}/capacity" when seeded.ServiceOrganisations.Count > 0 =>
                Pick(random, seeded.ServiceOrganisations.ToList()) is var service
                    ? ($"/api/providers/services/{Uri.EscapeDataString(service.Key)}/capacity", new JsonObject { ["available"] = 7, ["maximum"] = 20 },
                       Any([.. OtherStaff(service.Value), .. ForeignWorkers(null), coordinator]), true, null)
                    : null,
            "POST /api/providers/organizations" or "POST /api/providers/admin/organizations" =>
                OrganisationBody(random) is var organisation
                    ? (operation.Template, organisation, Any([.. OtherStaff((string?)organisation["id"]), .. ForeignWorkers(null), coordinator]), true, null)
                    : null,
            "POST /api/eligibility/rulesets" or "PUT /api/eligibility/rulesets" =>
                (operation.Template, (JsonObject)seeded.RuleSet.DeepClone(), Any([.. OtherStaff(null), .. ForeignWorkers(null), coordinator]), true, null),
            "PUT /api/notifications/contacts/{referralId}/opt-out" =>
                ($"/api/notifications/contacts/{referral.Id}/opt-out", null, Any([.. ForeignWorkers(referral.Municipality), .. OtherStaff(null), coordinator]), true, null),
            // The region's coordinator may read the referral, but without the client's personal data (checked on every answer).
            "GET /api/referrals/{id}" when random.Next(4) == 0 =>
                ($"/api/referrals/{referral.Id}", null, FuzzUsers.Hostile(coordinator), false, []),
            "GET /api/referrals/{id}" =>
                ($"/api/referrals/{referral.Id}", null, Any([.. ForeignWorkers(referral.Municipality), .. StaffWithoutOffer(referral.Id), foreignCoordinator, admin]), true, null),
            // A provider that was offered the referral but has not accepted it sees the minimum: no personal data.
            "GET /api/providers/referrals/{referralId}" when random.Next(4) == 0 =>
                ($"/api/providers/referrals/{offer.ReferralId}", null, FuzzUsers.Hostile(FuzzUsers.ProviderStaff(offer.ProviderId)), false, []),
            "GET /api/eligibility/assessments/{referralId}" =>
                ($"/api/eligibility/assessments/{referral.Id}", null, Any([.. ForeignWorkers(referral.Municipality), FuzzUsers.ProviderStaff(FuzzUsers.ElsewhereProvider), foreignCoordinator]), true, null),
            "GET /api/providers/referrals/{referralId}" =>
                ($"/api/providers/referrals/{referral.Id}", null, Any([.. ForeignWorkers(referral.Municipality), FuzzUsers.ProviderStaff(FuzzUsers.ElsewhereProvider), foreignCoordinator]), true, null),
            "GET /api/providers/offers/{offerId}" =>
                ($"/api/providers/offers/{offer.Id}", null, Any([.. OtherStaff(offer.ProviderId).Where(u => u.ProviderId == FuzzUsers.ElsewhereProvider || !seeded.Offers.Any(o => o.ReferralId == offer.ReferralId && o.ProviderId == u.ProviderId)), .. ForeignWorkers(offerReferral?.Municipality), foreignCoordinator]), true, null),
            // A client's export: never to another role; another municipality's social worker gets none of it.
            "GET /api/referrals/clients/{clientId}/export" when referral.ClientId is not null =>
                Any([.. ForeignWorkers(referral.Municipality), .. OtherStaff(null), coordinator, foreignCoordinator, admin]) is var exporter
                    ? ($"/api/referrals/clients/{referral.ClientId}/export", null, exporter, exporter.OwnMunicipality is null, [referral.Id.ToString()])
                    : null,
            "GET /api/referrals/audit" =>
                ("/api/referrals/audit", null, Any([.. ForeignWorkers(null), .. OtherStaff(null), coordinator]), true, null),
            "GET /api/referrals" when random.Next(4) == 0 => ("/api/referrals", null, FuzzUsers.Hostile(coordinator), false, []),
            "GET /api/referrals" =>
                Any([.. ForeignWorkers(referral.Municipality), .. StaffWithoutOffer(null), foreignCoordinator, admin]) is var reader
                    ? ("/api/referrals", null, reader, false, ReferralsNotOf(reader.OwnMunicipality))
                    : null,
            "POST /api/referrals/search" =>
                Any([.. ForeignWorkers(referral.Municipality), .. StaffWithoutOffer(referral.Id), foreignCoordinator, admin]) is var searcher
                    ? ("/api/referrals/search", new JsonObject { ["personalCode"] = referral.PersonalCode }, searcher, false, [referral.Id.ToString()])
                    : null,
            "GET /api/providers/offers" =>
                ($"/api/providers/offers?referralId={offer.ReferralId}", null,
                 Any([.. ForeignWorkers(offerReferral?.Municipality), FuzzUsers.ProviderStaff(FuzzUsers.ElsewhereProvider), foreignCoordinator]), false, allOffers),
            "GET /api/notifications" =>
                ($"/api/notifications?referralId={referral.Id}", null, Any([.. ForeignWorkers(referral.Municipality), .. StaffWithoutOffer(referral.Id), foreignCoordinator, admin]), false,
                 referral.SmsMessageIds),
            _ => null,
        };
        if (built is not { } b)
        {
            return null;
        }

        var bytes = b.Body is null ? null : JsonSerializer.SerializeToUtf8Bytes(b.Body, Relaxed);
        var hidden = b.Hidden ?? (b.Refused ? null : allReferrals);
        return new FuzzRequest(operation.Key, operation.Method, b.Path, bytes, bytes is null ? null : "application/json", [],
            $"identity: {b.Identity.Label} at another tenant's data", b.Identity, b.Refused, hidden, AtForeignData: true);
    }

    /// <summary>A complete, valid referral for <paramref name="municipality"/>: only who sends it makes it wrong.</summary>
    private JsonObject Submission(Random random, int index, string municipality)
    {
        var body = SubmitBody(random);
        body["municipality"] = municipality;
        body["client"]!["declaredMunicipality"] = municipality;
        body["client"]!["personalCode"] = Seeding.PersonalCode(500 + (index % 400));
        body["preferredProviderId"] = null;
        return body;
    }

    private string PathValue(Random random, IReadOnlySet<string>? targets, List<string> mutation)
    {
        while (true)
        {
            var roll = random.Next(100);
            string candidate;
            if (roll < 40)
            {
                candidate = Variant(random, SeededId(random));
                mutation.Add("path: a seeded id");
            }
            else if (roll < 55)
            {
                candidate = Variant(random, RandomGuid(random).ToString());
                mutation.Add("path: unknown id");
            }
            else if (roll < 90)
            {
                candidate = Pick(random, MalformedIds);
                mutation.Add("path: malformed id");
            }
            else
            {
                candidate = Uri.EscapeDataString(HostileValues.SmallString(random));
                mutation.Add("path: hostile string");
            }

            if (candidate.Length == 0)
            {
                candidate = "%20";
            }

            if (targets is null || !Hits(candidate, targets))
            {
                return candidate;
            }

            mutation.RemoveAt(mutation.Count - 1);
        }
    }

    /// <summary>Any kind of seeded id with the same chance (the demo directory's many organisations would drown the referrals).</summary>
    private string SeededId(Random random)
    {
        IReadOnlyList<string>[] kinds =
        [
            seeded.ReferralIds.Select(g => g.ToString()).ToList(), seeded.OrganisationIds, seeded.ServiceIds,
            seeded.OfferIds.Select(g => g.ToString()).ToList(), seeded.SmsMessageIds, seeded.RuleSetVersions,
        ];
        var kind = Pick(random, kinds.Where(k => k.Count > 0).ToList());
        return Pick(random, kind);
    }

    /// <summary>Other spellings of the same id that a GUID route constraint or a lenient lookup might still take.</summary>
    private static string Variant(Random random, string id)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return random.Next(4) switch
            {
                0 => Uri.EscapeDataString(id.ToUpperInvariant()),
                1 => Uri.EscapeDataString(id + "'"),
                _ => Uri.EscapeDataString(id),
            };
        }

        return random.Next(8) switch
        {
            0 => guid.ToString("N"),
            1 => Uri.EscapeDataString(guid.ToString("B")),
            2 => guid.ToString().ToUpperInvariant(),
            3 => "%20" + guid,
            4 => guid + "%00",
            _ => guid.ToString(),
        };
    }

    /// <summary>True when the decoded value could name one of the targets (any GUID spelling, any case, padded).</summary>
    public static bool Hits(string encoded, IReadOnlySet<string> targets)
    {
        if (targets.Count == 0)
        {
            return false;
        }

        var decoded = Uri.UnescapeDataString(encoded);
        var stripped = new string(decoded.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        foreach (var candidate in new[] { decoded, decoded.Trim(), stripped })
        {
            if (targets.Contains(candidate) || targets.Any(t => string.Equals(t, candidate, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (Guid.TryParse(candidate, out var guid) && targets.Contains(guid.ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private string Query(ApiOperation operation, Random random, List<string> mutation)
    {
        var parts = new List<string>();
        foreach (var name in operation.QueryParameters)
        {
            if (random.Next(10) < 3)
            {
                continue;
            }

            var value = QueryValue(operation, name, random);
            parts.Add(name + "=" + value);
            if (random.Next(15) == 0)
            {
                parts.Add(name + "=" + QueryValue(operation, name, random));
            }
        }

        if (random.Next(8) == 0)
        {
            parts.Add(Pick(random, ["%24where=1", "__proto__%5Badmin%5D=1", "a=%zz", "%00=%00", "status[$ne]=x", "referralId[]=1&referralId[]=2"]));
        }

        if (parts.Count > 0)
        {
            mutation.Add("query: " + string.Join(" & ", parts.Select(p => p.Length > 60 ? p[..60] + "…" : p)));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private string QueryValue(ApiOperation operation, string name, Random random)
    {
        string value;
        do
        {
            var roll = random.Next(100);
            value = roll switch
            {
                < 35 => Uri.EscapeDataString(HostileValues.SmallString(random)),
                < 38 => Uri.EscapeDataString(HostileValues.Huge[..random.Next(2_000, 7_000)]),
                < 40 => Uri.EscapeDataString(HostileValues.Huge),
                // The delivery report's SMS id is never a real one: a report that matches would move an SMS on.
                < 70 when !(operation.Template.EndsWith("/delivery-reports", StringComparison.Ordinal) && name == "sms") =>
                    Variant(random, SeededId(random)),
                < 80 => Uri.EscapeDataString(Pick(random, HostileValues.UnknownEnumValues)),
                < 90 => Pick(random, ["%zz", "%C3%28", "%00", "%FF", "%E2%80%AE", "%", "%%", "%2"]),
                _ => Pick(random, ["-1", "0", "2147483648", "-2147483649", "1e400", "1.5", "99999999999999999999", "0x10", "true", "[]", "2026-13-45T99:99:99Z", "1", "2", "4", "8", "16"]),
            };
        }
        while (operation.Template.EndsWith("/inbound-sms", StringComparison.Ordinal) && name == "text" && IsStopWord(value));

        return value;
    }

    /// <summary>A STOP reply from a seeded family's phone would really opt it out: never sent.</summary>
    private static bool IsStopWord(string encoded)
    {
        var text = Uri.UnescapeDataString(encoded.Replace('+', ' '));
        return StopWords.Contains(text.Trim().Split(' ', 2)[0]);
    }

    private static List<KeyValuePair<string, string>> Headers(ApiOperation operation, Random random)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (operation.Key == "POST /api/referrals" && random.Next(2) == 0)
        {
            headers.Add(new("Idempotency-Key", Ascii(random.Next(10) == 0 ? HostileValues.Huge[..20_000] : HostileValues.SmallString(random))));
        }

        if (random.Next(6) == 0)
        {
            headers.Add(new(Pick(random, ["X-Actor", "X-Forwarded-For", "X-Forwarded-Host", "X-Original-URL", "Accept-Language", "X-Correlation-Id"]),
                Ascii(HostileValues.SmallString(random))));
        }

        return headers;
    }

    private static string Ascii(string value)
    {
        var ascii = new string(value.Where(c => c is >= ' ' and <= '~').ToArray());
        return ascii.Length == 0 ? "x" : ascii;
    }

    private (byte[] Body, string? ContentType) Body(ApiOperation operation, Policy policy, bool breakBody, Random random, List<string> mutation)
    {
        var root = policy.BaseBody?.Invoke(random) ?? new JsonObject();
        var paths = PathsOf(root, "").Concat(operation.BodyProperties.Select(p => p.Path)).Distinct(StringComparer.Ordinal).ToList();
        var count = random.Next(1, 4);
        for (var i = 0; i < count && paths.Count > 0; i++)
        {
            Mutate(root, operation, paths, random, mutation);
        }

        if (breakBody && policy.BreakerField is not null)
        {
            var broken = policy.Breaker!(random);
            if (broken is null && random.Next(2) == 0)
            {
                root.Remove(policy.BreakerField);
                mutation.Add($"break: {policy.BreakerField} missing");
            }
            else
            {
                root[policy.BreakerField] = broken;
                mutation.Add($"break: {policy.BreakerField} = {Excerpt(broken?.ToJsonString() ?? "null", 60)}");
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(root, random.Next(2) == 0 ? Relaxed : JsonSerializerOptions.Default);
        return random.Next(10) < 3 ? Raw(bytes, random, mutation) : (bytes, ContentType(random, mutation));
    }

    private static (byte[] Body, string? ContentType) Raw(byte[] json, Random random, List<string> mutation)
    {
        var text = Encoding.UTF8.GetString(json);
        var firstValue = text.IndexOf(":\"", StringComparison.Ordinal);
        var (kind, body) = random.Next(13) switch
        {
            0 => ("empty body", []),
            1 => ("scalar root", Encoding.UTF8.GetBytes(Pick(random, ["null", "[]", "\"x\"", "123", "true", "{", "}", "[{}]", "\"\\u0000\""]))),
            2 => ("deep arrays", Encoding.UTF8.GetBytes(HostileValues.DeepJson(random.Next(1_000, 5_000), objects: false))),
            3 => ("deep objects", Encoding.UTF8.GetBytes(HostileValues.DeepJson(random.Next(1_000, 3_000), objects: true))),
            4 => ("truncated", json[..random.Next(Math.Max(1, json.Length))]),
            5 when firstValue > 0 => ("invalid UTF-8", [.. json[..(firstValue + 2)], 0xFF, 0xC3, 0x28, 0xC0, 0x80, .. json[(firstValue + 2)..]]),
            6 when firstValue > 0 => ("lone surrogate", Encoding.UTF8.GetBytes(text.Insert(firstValue + 2, "\\ud800"))),
            7 => ("trailing garbage", Encoding.UTF8.GetBytes(text + "}}]]garbage\0")),
            8 => ("BOM", [0xEF, 0xBB, 0xBF, .. json]),
            9 when text.StartsWith('{') && text.Length > 2 => ("deep value", Encoding.UTF8.GetBytes("{\"deep\":" + HostileValues.DeepJson(1_500, objects: random.Next(2) == 0) + "," + text[1..])),
            10 when text.StartsWith('{') && text.Length > 2 => ("huge number", Encoding.UTF8.GetBytes("{\"n\":1" + new string('0', 400) + ",\"m\":1e400," + text[1..])),
            11 => ("UTF-16 body", Encoding.Unicode.GetBytes(text)),
            12 => ("comments and trailing commas", Encoding.UTF8.GetBytes("/* x */" + text.TrimEnd('}') + ",}")),
            _ => ("garbage", [0x00, 0x01, 0xFF, 0xFE, 0x7B, 0x22]),
        };
        mutation.Add("raw: " + kind);
        return (body, ContentType(random, mutation));
    }

    private static string? ContentType(Random random, List<string> mutation)
    {
        if (random.Next(4) != 0)
        {
            return "application/json";
        }

        var type = Pick(random, ContentTypes);
        mutation.Add("content type: " + (type.Length == 0 ? "none" : type));
        return type.Length == 0 ? null : type;
    }

    private static void Mutate(JsonObject root, ApiOperation operation, List<string> paths, Random random, List<string> mutation)
    {
        var path = Pick(random, paths);
        var property = operation.BodyProperties.FirstOrDefault(p => p.Path == path);
        var roll = random.Next(100);
        switch (roll)
        {
            case < 18:
                var wrong = HostileValues.WrongType(random);
                SetAt(root, path, wrong);
                mutation.Add($"{path}: wrong type {Excerpt(wrong!.ToJsonString(), 40)}");
                break;
            case < 26:
                SetAt(root, path, null);
                mutation.Add($"{path}: null{(property is { Nullable: false } ? " (not nullable)" : "")}");
                break;
            case < 34:
                RemoveAt(root, path);
                mutation.Add($"{path}: missing{(property is { Required: true } ? " (required)" : "")}");
                break;
            case < 54:
                var hostile = HostileValues.AnyString(random);
                SetAt(root, path, hostile);
                mutation.Add($"{path}: {Excerpt(hostile, 40)} ({hostile.Length} chars)");
                break;
            case < 64:
                var huge = random.Next(2) == 0 ? HostileValues.Huge : HostileValues.HugeLatvian;
                SetAt(root, path, huge);
                mutation.Add($"{path}: {Excerpt(huge, 20)} ({huge.Length} chars)");
                break;
            case < 75:
                var unknown = Pick(random, HostileValues.UnknownEnumValues);
                SetAt(root, path, unknown);
                mutation.Add($"{path}: unknown value '{unknown}'{(property is { EnumValues.Count: > 0 } ? " (enum)" : "")}");
                break;
            case < 78:
                SetAt(root, path, HostileValues.HugeArray(random));
                mutation.Add($"{path}: huge array");
                break;
            case < 88:
                var name = Pick(random, ["$where", "__proto__", "constructor", "_id", "id", "version", "status", "Status", "createdBy", "\u202Eevil", "a.b", "$set"]);
                root[name] = random.Next(2) == 0 ? HostileValues.WrongType(random) : JsonValue.Create(HostileValues.SmallString(random));
                mutation.Add($"unknown property '{name}'");
                break;
            default:
                var number = Pick<JsonNode>(random, [JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(double.MaxValue), JsonValue.Create(decimal.MaxValue)]);
                SetAt(root, path, number);
                mutation.Add($"{path}: extreme number {number.ToJsonString()}");
                break;
        }
    }

    private static IEnumerable<string> PathsOf(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                var path = prefix.Length == 0 ? name : prefix + "." + name;
                yield return path;
                foreach (var nested in PathsOf(child, path))
                {
                    yield return nested;
                }
            }
        }
        else if (node is JsonArray array && prefix.Length > 0)
        {
            // Rule sets have dozens of rules: the first few elements stand for the rest.
            for (var i = 0; i < Math.Min(array.Count, 3); i++)
            {
                var path = $"{prefix}[{i}]";
                yield return path;
                foreach (var nested in PathsOf(array[i], path))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void SetAt(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path, create: true);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array[index] = value;
                break;
            default:
                break;
        }
    }

    private static void RemoveAt(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path, create: false);
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array.RemoveAt(index);
                break;
            default:
                break;
        }
    }

    /// <summary>"client.personalCode" → (client object, "personalCode"); "rules[2].id" → (rules[2], "id"); "rules[2]" → (rules, "2").</summary>
    private static (JsonNode? Parent, string Last) Parent(JsonObject root, string path, bool create)
    {
        var steps = new List<string>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                steps.Add(part);
                continue;
            }

            steps.Add(part[..bracket]);
            steps.Add(part[(bracket + 1)..^1]);
        }

        JsonNode? node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            JsonNode? next = node switch
            {
                JsonObject obj => obj[step],
                JsonArray array when int.TryParse(step, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (next is null && create && node is JsonObject parent)
            {
                next = new JsonObject();
                parent[step] = next;
            }

            node = next;
        }

        return (node, steps[^1]);
    }

    private JsonObject SubmitBody(Random random) => new()
    {
        ["municipality"] = "LV-DGV",
        ["serviceType"] = "home-care",
        ["clientGroup"] = "elderly",
        ["documents"] = new JsonArray("application", "id-document", "gp-certificate", "income-statement"),
        ["preferredProviderId"] = random.Next(2) == 0 && seeded.OrganisationIds.Count > 0 ? Pick(random, seeded.OrganisationIds) : null,
        ["client"] = new JsonObject
        {
            ["givenName"] = "Jānis",
            ["familyName"] = "Ozoliņš",
            ["personalCode"] = Seeding.PersonalCode(900),
            ["dateOfBirth"] = "1950-01-31",
            ["gender"] = "male",
            ["address"] = "Rīgas iela 1, Daugavpils, LV-5401",
            ["declaredMunicipality"] = "LV-DGV",
        },
        ["family"] = new JsonObject { ["phone"] = "+37120000999", ["preferredLanguage"] = "lv", ["smsConsent"] = true },
        ["consent"] = JsonSerializer.SerializeToNode(Seeding.Consent()),
    };

    private JsonObject OrganisationBody(Random random)
    {
        // Half aim at an organisation that exists (a replace), half at a new one (a create); both must be refused.
        var id = random.Next(2) == 0 && seeded.OrganisationIds.Count > 0 ? Pick(random, seeded.OrganisationIds) : "fuzz-org-new";
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = "Fuzz sniedzējs",
            ["phone"] = "+37165400000",
            ["email"] = "info@example.lv",
            ["municipality"] = "LV-DGV",
            ["services"] = new JsonArray(new JsonObject
            {
                ["id"] = random.Next(2) == 0 && seeded.ServiceIds.Count > 0 ? Pick(random, seeded.ServiceIds) : "svc-fuzz-new",
                ["serviceType"] = "home-care",
                ["clientGroups"] = new JsonArray("elderly"),
                ["minAge"] = 18,
                ["maxAge"] = null,
                ["gender"] = null,
                ["maximum"] = 20,
                ["available"] = 20,
            }),
        };
    }

    private static JsonObject CloseBody(Random random) => new() { ["outcome"] = Pick(random, ReferralOutcomes), ["note"] = "Pakalpojums sniegts" };

    private static JsonObject DeclineBody(Random random) => new() { ["reason"] = Pick(random, DeclineReasons), ["text"] = "Nav brīvu vietu" };

    private static JsonObject CheckBody(Random _) => new()
    {
        ["serviceType"] = "home-care",
        ["clientGroup"] = "elderly",
        ["dateOfBirth"] = "1950-01-31",
        ["municipality"] = "LV-DGV",
        ["declaredMunicipality"] = "LV-DGV",
        ["documents"] = new JsonArray("application", "id-document"),
        ["gender"] = "female",
    };

    /// <summary>Never a municipality code: wrong types, null, vocabulary near misses, hostile text.</summary>
    private static JsonNode? BrokenCode(Random random) => random.Next(5) switch
    {
        0 => HostileValues.WrongType(random),
        1 => null,
        // Near misses, but none that a lenient reader could fairly take (surrounding whitespace is trimmed by design).
        2 => JsonValue.Create(Pick(random, ["LV-ZZZ", "LV-DGV\u200B", "LV-DGV\u0000", "\u202ELV-DGV", "LV_DGV", "Daugavpils", "LV", "LV-DGVX"])),
        _ => JsonValue.Create(HostileValues.AnyString(random)),
    };

    private static JsonNode? BrokenRules(Random random) => random.Next(4) switch
    {
        0 => new JsonArray(),
        1 => null,
        2 => JsonValue.Create(HostileValues.AnyString(random)),
        _ => HostileValues.WrongType(random) is JsonArray { Count: > 0 } array ? array : new JsonArray(JsonValue.Create(1)),
    };

    /// <summary>No reason: missing, blank, over 1000 characters, or not a string.</summary>
    private static JsonNode? BrokenText(Random random) => random.Next(5) switch
    {
        0 => null,
        1 => JsonValue.Create(Pick(random, ["", "   ", "\t\n"])),
        2 => JsonValue.Create(HostileValues.Huge),
        3 => JsonValue.Create(HostileValues.HugeLatvian),
        _ => HostileValues.WrongType(random),
    };

    private static JsonNode? BrokenEnum(Random random, string[] names)
    {
        var unknown = HostileValues.UnknownEnumValues.Concat(HostileValues.Strings)
            .Where(v => !names.Any(n => string.Equals(n, v.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return random.Next(4) switch
        {
            0 => null,
            1 => HostileValues.WrongType(random),
            _ => JsonValue.Create(Pick(random, unknown)),
        };
    }

    /// <summary>Never a count of places: negative, above 10000, not an integer, not a number.</summary>
    private static JsonNode? BrokenCount(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(Pick(random, new[] { -1, -2147483648, 10_001, int.MaxValue })),
        2 => JsonValue.Create(Pick(random, new[] { 1.5, -0.5, 1e300 })),
        3 => JsonValue.Create(Pick(random, ["abc", "", "1e400", "-1", "NaN", "Infinity"])),
        4 => JsonValue.Create(long.MaxValue),
        _ => random.Next(2) == 0 ? new JsonObject { ["$gt"] = 0 } : new JsonArray(1, 2),
    };

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Excerpt(string text, int length)
    {
        var printable = new string(text.Take(length).Select(c => char.IsControl(c) ? '·' : c).ToArray());
        return text.Length > length ? printable + $"…(+{text.Length - length})" : printable;
    }
}
