using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Audit;
using Referrals.Intake.Http;
using Referrals.Intake.Read;
using Referrals.Intake.Referrals;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Withdraw;

/// <summary><c>POST /api/referrals/{id}/withdraw</c>: the social worker withdraws a referral that is not final or placed.</summary>
public static partial class WithdrawReferral
{
    private const int MaxReason = 1000;

    public static RouteHandlerBuilder MapWithdrawReferral(this RouteGroupBuilder group) =>
        group.MapPost("{id:guid}/withdraw", HandleAsync)
            .WithName("WithdrawReferral")
            .WithSummary("Withdraw a referral (not from Placed or a final state)")
            .Accepts<WithdrawReferralRequest>("application/json")
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
        var body = await JsonBody.ReadAsync<WithdrawReferralRequest>(http.Request, cancellationToken);
        if (body.Errors is not null)
        {
            return TypedResults.ValidationProblem(body.Errors);
        }

        var reason = body.Value!.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Required, at most {MaxReason} characters."],
            });
        }

        var actor = http.User.Actor();
        var logger = loggers.CreateLogger(typeof(WithdrawReferral).FullName!);
        return await command.ApplyAsync(
            actor,
            id,
            AuditActions.Withdrawn,
            r => ReferralStateMachine.Withdraw(r, reason, actor.Id, time.GetUtcNow()),
            r => Problems.Conflict("Referral cannot be withdrawn", $"A referral in status {r.Status} cannot be withdrawn."),
            () => LogWithdrawn(logger, id),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} withdrawn")]
    private static partial void LogWithdrawn(ILogger logger, Guid referralId);
}

public sealed record WithdrawReferralRequest(string? Reason);
