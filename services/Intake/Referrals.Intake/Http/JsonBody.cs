using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Intake.Http;

/// <summary>
/// Reads a request body ourselves, so malformed JSON or a value of the wrong type becomes a 400 naming the field
/// (from the reader's JSON path) instead of the framework's bare 400 or a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>The error key for a problem with the body as a whole.</summary>
    public const string Root = "$";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null
                ? Failed<T>(Root, "A JSON object is required.")
                : new JsonBodyResult<T>(value, null);
        }
        catch (JsonException e)
        {
            // The exception message is not passed on: it is written for developers and may quote the input.
            var field = FieldOf(e.Path);
            return Failed<T>(field, field == Root
                ? "The body is not valid JSON."
                : "The value is malformed or of the wrong JSON type.");
        }
    }

    private static JsonBodyResult<T> Failed<T>(string field, string message)
        where T : class =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary><c>$.client.dateOfBirth</c> → <c>client.dateOfBirth</c>; the root stays <c>$</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == Root
            ? Root
            : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

public sealed record JsonBodyResult<T>(T? Value, Dictionary<string, string[]>? Errors)
    where T : class;
