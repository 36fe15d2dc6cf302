using System.Text.Json;

namespace Referrals.Eligibility.Http;

/// <summary>
/// Reads a JSON request body so that malformed JSON and wrongly typed values become field-keyed validation errors
/// (<c>dateOfBirth</c>, <c>documents[1]</c>) instead of the framework's unexplained 400 or a 500.
/// </summary>
public static class JsonBody
{
    public const string BodyKey = "body";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null
                ? (null, Error(BodyKey, "A JSON object is required."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The exception text can quote the offending value, which may be personal data: name the field only.
            var field = FieldOf(e.Path);
            return (null, Error(field, field == BodyKey
                ? "The body is not valid JSON."
                : "The value is malformed or of the wrong type."));
        }
    }

    /// <summary>"$.documents[1]" → "documents[1]"; "$" or nothing → "body".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyKey;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
