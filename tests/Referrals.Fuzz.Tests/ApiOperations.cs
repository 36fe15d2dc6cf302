using System.Text.Json.Nodes;

namespace Referrals.Fuzz.Tests;

/// <summary>One property a request body may carry, as the OpenAPI schema declares it (dot path from the body root).</summary>
public sealed record SchemaProperty(string Path, string? Type, bool Nullable, bool Required, IReadOnlyList<string> EnumValues);

/// <summary>One operation of the merged OpenAPI document: method, path template, its parameters and its body's properties.</summary>
public sealed record ApiOperation(
    string Method,
    string Template,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<SchemaProperty> BodyProperties,
    bool FromDocument)
{
    public string Key => $"{Method} {Template}";
}

/// <summary>Reads the operations out of <c>/openapi/v1.json</c>, resolving body schemas through <c>$ref</c>.</summary>
public static class ApiOperations
{
    /// <summary>
    /// Every endpoint the four services map (read from their route registrations): fuzzed even if the document misses it,
    /// and reported when it does.
    /// </summary>
    public static readonly string[] Known =
    [
        "POST /api/referrals", "GET /api/referrals", "POST /api/referrals/search", "GET /api/referrals/{id}", "POST /api/referrals/{id}/withdraw",
        "POST /api/referrals/{id}/close", "GET /api/referrals/audit", "GET /api/referrals/clients/{clientId}/export", "GET /api/referrals/report",
        "GET /api/eligibility/rules", "GET /api/eligibility/rulesets", "POST /api/eligibility/rulesets", "PUT /api/eligibility/rulesets",
        "GET /api/eligibility/rulesets/{version}", "GET /api/eligibility/overdue", "POST /api/eligibility/check",
        "GET /api/eligibility/assessments/{referralId}",
        "POST /api/providers/organizations", "GET /api/providers/organizations", "POST /api/providers/admin/organizations",
        "GET /api/providers/admin/organizations", "GET /api/providers/admin/organizations/{id}", "GET /api/providers",
        "GET /api/providers/services", "GET /api/providers/services/{id}", "GET /api/providers/organizations/{id}",
        "GET /api/providers/service_at_locations", "GET /api/providers/taxonomies", "GET /api/providers/taxonomies/{id}",
        "GET /api/providers/taxonomy_terms", "GET /api/providers/taxonomy_terms/{id}",
        "PUT /api/providers/services/{serviceId}/capacity", "GET /api/providers/services/{serviceId}/capacity",
        "GET /api/providers/referrals/{referralId}", "GET /api/providers/offers", "GET /api/providers/offers/{offerId}",
        "POST /api/providers/offers/{offerId}/accept", "POST /api/providers/offers/{offerId}/decline",
        "GET /api/notifications", "GET /api/notifications/status/{token}", "GET /api/notifications/delivery-reports",
        "GET /api/notifications/inbound-sms", "PUT /api/notifications/contacts/{referralId}/opt-out",
        "DELETE /api/notifications/contacts/{referralId}/opt-out",
        "GET /auth/dev/users", "POST /auth/dev/token",
    ];

    public static List<ApiOperation> Read(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" || operationNode is not JsonObject operation)
                {
                    continue;
                }

                var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
                var body = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault();
                var properties = new List<SchemaProperty>();
                if (body is JsonObject schema)
                {
                    Collect(schema, "", schemas, properties, depth: 0);
                }

                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(),
                    template,
                    parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList(),
                    parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList(),
                    properties,
                    FromDocument: true));
            }
        }

        return operations;
    }

    /// <summary>An operation the document does not list, with its parameters read off the template.</summary>
    public static ApiOperation FromTemplate(string key)
    {
        var (method, template) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var pathParameters = template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
        return new ApiOperation(method, template, pathParameters, [], [], FromDocument: false);
    }

    private static void Collect(JsonObject schema, string prefix, JsonObject schemas, List<SchemaProperty> into, int depth)
    {
        var resolved = Resolve(schema, schemas);
        if (depth > 3 || resolved?["properties"] is not JsonObject properties)
        {
            return;
        }

        var required = resolved["required"]?.AsArray().Select(r => (string?)r).ToHashSet() ?? [];
        foreach (var (name, propertyNode) in properties)
        {
            if (propertyNode is not JsonObject property)
            {
                continue;
            }

            var path = prefix.Length == 0 ? name : prefix + "." + name;
            var target = Resolve(property, schemas) ?? property;
            var (type, nullable) = TypeOf(property, target);
            var enumValues = target["enum"]?.AsArray().Select(v => v?.ToString()).OfType<string>().ToList() ?? [];
            into.Add(new SchemaProperty(path, type, nullable, required.Contains(name), enumValues));
            if (type == "object")
            {
                Collect(target, path, schemas, into, depth + 1);
            }
        }
    }

    /// <summary>Follows <c>$ref</c>, and a <c>oneOf</c> of null and a <c>$ref</c> (how nullable objects are written).</summary>
    private static JsonObject? Resolve(JsonObject schema, JsonObject schemas)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            return schemas[((string)reference!).Split('/')[^1]] as JsonObject;
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var referenced = oneOf.OfType<JsonObject>().FirstOrDefault(o => o["$ref"] is not null);
            return referenced is null ? schema : Resolve(referenced, schemas);
        }

        return schema;
    }

    private static (string? Type, bool Nullable) TypeOf(JsonObject property, JsonObject target)
    {
        var nullable = property["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().Any(o => (string?)o["type"] == "null");
        var typeNode = target["type"] ?? property["type"];
        if (typeNode is JsonArray types)
        {
            var names = types.Select(t => (string?)t).ToList();
            return (names.FirstOrDefault(n => n != "null"), nullable || names.Contains("null"));
        }

        return (typeNode is JsonValue ? (string?)typeNode : target["enum"] is not null ? "string" : null, nullable);
    }
}
