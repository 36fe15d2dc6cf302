using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Referrals.ServiceDefaults.Http;

/// <summary>
/// Reads a JSON request body so that malformed JSON or a value of the wrong type becomes a 400 naming the field
/// (from the reader's JSON path: <c>client.dateOfBirth</c>, <c>documents[1]</c>) instead of the framework's bare 400
/// or a 500. The exception text is never passed on: it is written for developers and may quote personal data.
/// </summary>
public static class JsonBody
{
    /// <summary>The error key for a problem with the body as a whole.</summary>
    public const string Root = "body";

    /// <summary>Web defaults, enums by name only (a number is not an enum value to a client).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null
                ? new(null, Error(Root, "A JSON object is required."))
                : new(value, null);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return new(null, Error(field, field == Root
                ? "The body is not valid JSON."
                : "The value is malformed or of the wrong JSON type."));
        }
    }

    /// <summary>Field-keyed errors for <c>TypedResults.ValidationProblem</c>.</summary>
    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    /// <summary><c>$.client.dateOfBirth</c> → <c>client.dateOfBirth</c>; the root (or no path) → <see cref="Root"/>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$"
            ? Root
            : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

public sealed record JsonBodyResult<T>(T? Value, Dictionary<string, string[]>? Errors)
    where T : class;
