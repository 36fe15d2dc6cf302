using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Referrals.Intake.Access;
using Referrals.Intake.Audit;
using Referrals.Intake.Http;
using Referrals.Intake.Protection;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Outbox;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Submit;

/// <summary>
/// <c>POST /api/referrals</c>: validate, store the new referral with its ReferralSubmitted and first
/// ReferralStatusChanged in the same write, then publish them. An <c>Idempotency-Key</c> makes a retried request
/// return the original referral; the same key with a different body is a conflict. Social workers only, and only
/// for their own municipality. The personal code and phone are stored encrypted; a person who already has a referral
/// in the municipality (same personal-code hash) keeps their client id.
/// </summary>
public static partial class SubmitReferral
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKey = 200;
    private const int ShortCodeAttempts = 8;

    public static RouteHandlerBuilder MapSubmitReferral(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync)
            .WithName("SubmitReferral")
            .WithSummary("Submit a referral")
            .WithDescription("Validates and stores a referral (status Submitted) and announces it. Optional Idempotency-Key header.")
            .Accepts<SubmitReferralRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.SocialWorker);

    public static async Task<Results<Created<SubmittedReferral>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        IReferralStore store,
        PersonalDataProtector protector,
        AuditRecorder audit,
        OutboxPublisher publisher,
        IPublishEndpoint publishEndpoint,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SubmitReferralRequest>(http.Request, cancellationToken);
        if (body.Errors is not null)
        {
            return TypedResults.ValidationProblem(body.Errors);
        }

        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        var now = time.GetUtcNow();
        var (request, errors) = SubmitReferralValidator.Validate(body.Value!, DateOnly.FromDateTime(now.UtcDateTime));
        if (key is { Length: > MaxIdempotencyKey })
        {
            errors.Add(IdempotencyHeader, $"At most {MaxIdempotencyKey} characters.");
        }

        if (request is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var actor = http.User.Actor();
        if (!actor.CanChangeReferralOf(request.Municipality))
        {
            return Problems.Forbidden("municipality", "You may only submit referrals for your own municipality.");
        }

        // Of the normalised request, so a retry differing only in spacing or phone notation still matches; keyed,
        // because the request holds the personal code and a plain hash of it could be brute-forced.
        var hash = protector.RequestHash(JsonSerializer.Serialize(request, JsonBody.Options));
        if (key is not null && await store.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }

        var logger = loggers.CreateLogger(typeof(SubmitReferral).FullName!);
        var codeHash = protector.PersonalCodeHash(request.Client!.PersonalCode!);
        var known = await store.FindByPersonalCodeHashAsync(request.Municipality!, codeHash, 1, cancellationToken);
        var clientId = known.Count > 0 ? known[0].Client.ClientId : Guid.NewGuid();
        for (var attempt = 1; ; attempt++)
        {
            var referral = NewReferral(request, key, hash, protector, codeHash, clientId);
            referral.Consent!.RecordedBy = actor.Id;
            referral.Consent.RecordedAt = now;
            ReferralStateMachine.Submit(referral, actor.Id, now, request.Family!.Phone);
            if (await store.TryInsertAsync(referral, cancellationToken))
            {
                LogSubmitted(logger, referral.Id);
                await audit.RecordAsync(actor, AuditActions.Submitted, referral.ReferralGuid(), clientId, null, cancellationToken);
                await publisher.PublishAsync(store.Outbox, referral, publishEndpoint, cancellationToken);
                return Created(referral);
            }

            // Lost a race on the idempotency key, or drew a short code already in use: find out which.
            if (key is not null && await store.FindByIdempotencyKeyAsync(key, cancellationToken) is { } raced)
            {
                return Replay(raced, hash);
            }

            if (attempt >= ShortCodeAttempts)
            {
                throw new InvalidOperationException("Could not find a free short code for a new referral.");
            }
        }
    }

    private static Results<Created<SubmittedReferral>, ValidationProblem, ProblemHttpResult> Replay(Referral earlier, string hash) =>
        earlier.RequestHash == hash
            ? Created(earlier)
            : Problems.Conflict(
                "Idempotency key reused",
                $"The {IdempotencyHeader} was already used for a different request; use a new key for a new referral.");

    private static Created<SubmittedReferral> Created(Referral referral) =>
        TypedResults.Created(
            $"/api/referrals/{referral.Id}",
            new SubmittedReferral(referral.ReferralGuid(), referral.ShortCode, referral.Status.ToString()));

    private static Referral NewReferral(
        SubmitReferralRequest request, string? key, string hash, PersonalDataProtector protector, string codeHash, Guid clientId)
    {
        var client = request.Client!;
        var family = request.Family!;
        return new Referral
        {
            Id = Guid.NewGuid().ToString(),
            ShortCode = ShortCodes.New(),
            Municipality = request.Municipality!,
            ServiceType = request.ServiceType!,
            ClientGroup = request.ClientGroup!,
            Documents = request.Documents!.OfType<string>().ToList(),
            PreferredProviderId = request.PreferredProviderId,
            Client = new ReferralClient
            {
                ClientId = clientId,
                GivenName = client.GivenName!,
                FamilyName = client.FamilyName!,
                ProtectedPersonalCode = protector.Protect(client.PersonalCode!, PersonalDataProtector.PersonalCodePurpose),
                PersonalCodeHash = codeHash,
                DateOfBirth = client.DateOfBirth!.Value,
                Gender = client.Gender!,
                Address = client.Address,
                DeclaredMunicipality = client.DeclaredMunicipality!,
            },
            Family = new ReferralFamily
            {
                ProtectedPhone = protector.ProtectOrNull(family.Phone, PersonalDataProtector.PhonePurpose),
                PreferredLanguage = family.PreferredLanguage!,
                SmsConsent = family.SmsConsent ?? false,
            },
            Facts = SubmitReferralFacts.ToDocument(request),
            Consent = new ReferralConsent
            {
                GivenBy = request.Consent!.GivenBy!,
                GivenOn = request.Consent.GivenOn!.Value,
                Purposes = request.Consent.Purposes!.OfType<string>().ToList(),
            },
            IdempotencyKey = key,
            RequestHash = hash,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} submitted")]
    private static partial void LogSubmitted(ILogger logger, string referralId);
}
