using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.ProviderDirectory.Http;

/// <summary>
/// Reads a JSON body so that malformed JSON or a wrong type becomes a 400 naming the field, not a 500 or a bare 400.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Error("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return (null, Error(field, $"'{field}' is not valid JSON of the expected type."));
        }
    }

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
