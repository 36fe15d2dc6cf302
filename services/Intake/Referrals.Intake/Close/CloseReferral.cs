using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Intake;
using Referrals.Intake.Audit;
using Referrals.Intake.Http;
using Referrals.Intake.Read;
using Referrals.Intake.Referrals;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Close;

/// <summary><c>POST /api/referrals/{id}/close</c>: a placed referral ends with an outcome; its place is freed.</summary>
public static partial class CloseReferral
{
    private const int MaxNote = 2000;

    public static RouteHandlerBuilder MapCloseReferral(this RouteGroupBuilder group) =>
        group.MapPost("{id:guid}/close", HandleAsync)
            .WithName("CloseReferral")
            .WithSummary("Close a placed referral with its outcome")
            .Accepts<CloseReferralRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.SocialWorker);

    public static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        HttpContext http,
        ReferralCommand command,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CloseReferralRequest>(http.Request, cancellationToken);
        if (body.Errors is not null)
        {
            return TypedResults.ValidationProblem(body.Errors);
        }

        var errors = new ValidationErrors();
        var request = body.Value!;
        // By name only: Enum.TryParse would also take "1" or "-7".
        var name = Enum.GetNames<ReferralOutcome>()
            .FirstOrDefault(n => string.Equals(n, request.Outcome?.Trim(), StringComparison.OrdinalIgnoreCase));
        var outcome = name is null ? default : Enum.Parse<ReferralOutcome>(name);
        if (name is null)
        {
            errors.Add("outcome", $"Required, one of: {string.Join(", ", Enum.GetNames<ReferralOutcome>())}.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNote })
        {
            errors.Add("note", $"At most {MaxNote} characters.");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var actor = http.User.Actor();
        var logger = loggers.CreateLogger(typeof(CloseReferral).FullName!);
        return await command.ApplyAsync(
            actor,
            id,
            AuditActions.Closed,
            r => ReferralStateMachine.Close(r, outcome, note, actor.Id, time.GetUtcNow()),
            r => Problems.Conflict("Referral cannot be closed", $"Only a Placed referral can be closed; this one is {r.Status}."),
            () => LogClosed(logger, id),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} closed")]
    private static partial void LogClosed(ILogger logger, Guid referralId);
}

/// <param name="Outcome">NeedMet, PartiallyMet, NotMet, NoLongerNeeded or ReferredElsewhere.</param>
public sealed record CloseReferralRequest(string? Outcome, string? Note);
