using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TruthGraph.Inference.Bench;

namespace TruthGraph.ContractTests;

/// <summary>
/// A service's committed OpenAPI document (<c>Contracts/*.json</c>, written by the build) and a check of a client's
/// hand-written record against one of its operations: every member the client sends or reads must be in the
/// server's schema, with a compatible JSON type, recursively through nested records and lists; a request must carry
/// every member the server requires, and a response member the client takes as never null must be one the server
/// never sends as null.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly NullabilityInfoContext Nullability = new();
    private readonly JsonElement _root;

    private OpenApiContract(string service)
    {
        var path = Path.Combine(SharedData.RepositoryRoot() ?? throw new DirectoryNotFoundException("The repository root was not found."), service, "Contracts", $"{service}.json");
        _root = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    public static OpenApiContract Api { get; } = new("TruthGraph.Api");
    public static OpenApiContract Inference { get; } = new("TruthGraph.Inference");

    public JsonElement RequestSchema(string method, string path) =>
        Operation(method, path).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    /// <summary>The JSON schema of the operation's success response (200, 201 or 202).</summary>
    public JsonElement ResponseSchema(string method, string path)
    {
        var responses = Operation(method, path).GetProperty("responses");
        foreach (var status in new[] { "200", "201", "202" })
        {
            if (responses.TryGetProperty(status, out var response) && response.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out var json))
            {
                return json.GetProperty("schema");
            }
        }
        throw new KeyNotFoundException($"{method} {path} has no JSON success response in the document.");
    }

    /// <summary>A component schema by name (for payloads the document lists but no operation returns as JSON, such as event streams).</summary>
    public JsonElement Schema(string name) => _root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    public IReadOnlyList<string> RequestMismatches(Type client, string method, string path) =>
        Compare(client, RequestSchema(method, path), isRequest: true);

    public IReadOnlyList<string> ResponseMismatches(Type client, string method, string path) =>
        Compare(client, ResponseSchema(method, path), isRequest: false);

    /// <param name="localOnly">"Type.member" names the client fills in itself (a defaulted member the server never sends)</param>
    public IReadOnlyList<string> Compare(Type client, JsonElement schema, bool isRequest, IReadOnlySet<string>? localOnly = null)
    {
        var mismatches = new List<string>();
        CompareValue(client, schema, client.Name, isRequest, mismatches, depth: 0);
        return mismatches.Where(m => localOnly is null || !localOnly.Any(l => m.Contains($"{l}:", StringComparison.Ordinal))).ToList();
    }

    private JsonElement Operation(string method, string path) =>
        _root.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : throw new KeyNotFoundException($"{method} {path} is not in the document.");

    private void CompareValue(Type type, JsonElement schema, string where, bool isRequest, List<string> mismatches, int depth)
    {
        schema = Resolve(schema);
        type = Nullable.GetUnderlyingType(type) ?? type;
        var clientKind = KindOf(type);
        var serverKinds = KindsOf(schema);
        if (clientKind == "any" || serverKinds.Count == 0)
        {
            return; // JsonElement / object on either side: any JSON is fine.
        }
        if (!serverKinds.Contains(clientKind) && !(clientKind == "number" && serverKinds.Contains("integer"))
            && !(clientKind == "string" && serverKinds.Contains("enum")))
        {
            mismatches.Add($"{where}: the client has {clientKind} ({type.Name}), the server {string.Join(" or ", serverKinds)}");
            return;
        }
        if (type.IsEnum && schema.TryGetProperty("enum", out var values))
        {
            CompareEnum(type, values, where, mismatches);
            return;
        }
        if (depth > 8)
        {
            return;
        }
        if (clientKind == "array" && ElementType(type) is { } element && schema.TryGetProperty("items", out var items))
        {
            CompareValue(element, items, where + "[]", isRequest, mismatches, depth + 1);
        }
        else if (clientKind == "object" && schema.TryGetProperty("properties", out var properties))
        {
            CompareMembers(type, schema, properties, where, isRequest, mismatches, depth);
        }
    }

    /// <summary>An enum on both sides must have the same values: the document's, and the client's as its converter writes them.</summary>
    private static void CompareEnum(Type client, JsonElement values, string where, List<string> mismatches)
    {
        var server = values.EnumerateArray().Select(v => v.GetString()!).ToList();
        var names = EnumNames(client);
        foreach (var missing in server.Except(names))
        {
            mismatches.Add($"{where}: the server has the value \"{missing}\", which {client.Name} lacks (it has {string.Join(", ", names)})");
        }
        foreach (var extra in names.Except(server))
        {
            mismatches.Add($"{where}: {client.Name} has the value \"{extra}\", which the server lacks (it has {string.Join(", ", server)})");
        }
    }

    /// <summary>An enum's values as JSON names, written by the enum's own converter.</summary>
    public static IReadOnlyList<string> EnumNames(Type type) =>
        Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, type))!).ToList();

    private void CompareMembers(Type type, JsonElement schema, JsonElement properties, string where, bool isRequest, List<string> mismatches, int depth)
    {
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        // A computed member (no setter) is written when sending but never read: it matters in a request only.
        var members = JsonMembers(type).Where(m => isRequest || m.Property.CanWrite).ToList();
        foreach (var (name, property) in members)
        {
            if (!properties.TryGetProperty(name, out var member))
            {
                mismatches.Add($"{where}.{name}: {type.Name}.{name}: not in the server's schema (it has {string.Join(", ", properties.EnumerateObject().Select(p => p.Name))})");
                continue;
            }
            // The document's "required" lists constructor parameters only (a computed member is always written but
            // never listed), so for a response it is the member's nullability that tells whether null can come.
            if (!isRequest && IsNeverNull(property) && MayBeNull(member))
            {
                mismatches.Add($"{where}.{name}: the client takes it as never null; the server may send null");
            }
            CompareValue(property.PropertyType, member, $"{where}.{name}", isRequest, mismatches, depth + 1);
        }
        if (isRequest)
        {
            foreach (var name in required.Where(r => members.All(m => m.Name != r)))
            {
                mismatches.Add($"{where}.{name}: required by the server, not sent by the client");
            }
        }
    }

    /// <summary>A $ref resolved, and "anyOf: [null, X]" read as X (nullable references are written that way).</summary>
    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(Schema(name));
        }
        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var notNull = options.EnumerateArray().Where(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
                if (notNull.Count == 1)
                {
                    return Resolve(notNull[0]);
                }
            }
        }
        return schema;
    }

    /// <summary>
    /// Whether the server may send null here: a "null" type, or a null option beside a $ref (how a nullable reference
    /// is written), which <see cref="Resolve"/> reads past.
    /// </summary>
    private bool MayBeNull(JsonElement schema) =>
        KindsOf(Resolve(schema)).Contains("null")
        || new[] { "anyOf", "oneOf" }.Any(combinator => schema.TryGetProperty(combinator, out var options)
            && options.EnumerateArray().Any(option => KindsOf(option).Contains("null")));

    private static HashSet<string> KindsOf(JsonElement schema)
    {
        var kinds = new HashSet<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                kinds.Add(type.GetString()!);
            }
            else
            {
                kinds.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
        }
        if (schema.TryGetProperty("enum", out _))
        {
            kinds.Add("enum");
            kinds.Add("string");
        }
        // Numbers may be read from strings (JsonNumberHandling.AllowReadingFromString): the number is what matters.
        if (kinds.Contains("integer") || kinds.Contains("number"))
        {
            kinds.Remove("string");
        }
        return kinds;
    }

    private static string KindOf(Type type)
    {
        if (type == typeof(JsonElement) || type == typeof(object) || type == typeof(JsonDocument))
        {
            return "any";
        }
        if (type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type == typeof(TimeSpan) || type == typeof(Uri) || type.IsEnum)
        {
            return "string";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "integer";
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "number";
        }
        if (type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return "object"; // a dictionary
        }
        return typeof(IEnumerable).IsAssignableFrom(type) ? "array" : "object";
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The members as System.Text.Json writes and reads them with the web defaults (camelCase unless named).</summary>
    private static IEnumerable<(string Name, PropertyInfo Property)> JsonMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p));

    private static bool IsNeverNull(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is null
            : Nullability.Create(property).ReadState == NullabilityState.NotNull;
}
