using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Referrals.Notification.Sending.Kannel;

/// <summary>
/// Guards the endpoints Kannel calls without a user token (delivery reports, inbound SMS): when
/// <c>Notification:Kannel:CallbackSecret</c> is set, the call must carry it as <c>secret=</c>, or it gets 403 before
/// the handler runs, so nothing changes. Compared in constant time; neither the secret nor the query is logged.
/// </summary>
public sealed partial class KannelCallbackSecret(IOptions<KannelOptions> options, ILogger<KannelCallbackSecret> logger)
    : IEndpointFilter
{
    public const string QueryParameter = "secret";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.CallbackSecret;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }

        var presented = context.HttpContext.Request.Query[QueryParameter];
        if (presented.Count == 1 && Matches(expected, presented[0]))
        {
            return await next(context);
        }

        LogRefused(logger, context.HttpContext.Request.Path);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "This endpoint is for the SMS gateway only.");
    }

    /// <summary>Both sides hashed first, so the comparison takes the same time whatever the length or content presented.</summary>
    public static bool Matches(string expected, string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> want = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> got = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected), want);
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented), got);
        return CryptographicOperations.FixedTimeEquals(want, got);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a gateway callback to {Path}: missing or wrong callback secret")]
    private static partial void LogRefused(ILogger logger, PathString path);
}
