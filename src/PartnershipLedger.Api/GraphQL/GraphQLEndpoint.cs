using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Utilities;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// <c>/graphql</c> over HTTP, per the GraphQL-over-HTTP spec: POST with a JSON body, GET with query parameters
/// (queries only), Accept negotiation between application/graphql-response+json and application/json.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void MapGraphQLEndpoint(this IEndpointRouteBuilder app)
    {
        app.Map(Path, HandleAsync);
        app.MapGet(Path + "/schema.graphql", (LedgerSchema schema) => Results.Text(Sdl(schema), "text/plain; charset=utf-8"));
    }

    /// <summary>The schema as SDL, as checked in at schema/schema.graphql.</summary>
    public static string Sdl(LedgerSchema schema) => schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n") + "\n";

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<LedgerSchema> executer, IGraphQLTextSerializer serializer, ILogger<LedgerSchema> logger)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await TransportError(http, StatusCodes.Status405MethodNotAllowed, $"{http.Request.Method} is not supported: use GET or POST.");
            return;
        }
        if (NegotiateMediaType(http.Request) is not { } mediaType)
        {
            await TransportError(http, StatusCodes.Status406NotAcceptable, $"Cannot respond with any type the Accept header allows: accept {GraphQLResponse} or {Json}.");
            return;
        }
        if (!isGet && !IsJsonContent(http.Request.ContentType))
        {
            await TransportError(http, StatusCodes.Status415UnsupportedMediaType, $"POST bodies must have Content-Type {Json}.");
            return;
        }

        var (request, problem) = isGet ? RequestFromQueryString(http.Request.Query, serializer) : await RequestFromBodyAsync(http, serializer);
        if (request is null)
        {
            await TransportError(http, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        var caller = IdentifyCaller(http);
        http.Response.Headers[CorrelationHeader] = caller.CorrelationId;
        var result = await executer.ExecuteAsync(options =>
        {
            caller.AttachTo(options.UserContext);
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
            options.UnhandledExceptionDelegate = context => DomainErrors.HandleUnhandledAsync(context, logger);
            if (isGet) options.ValidationRules = DocumentValidator.CoreRules.Append(new QueriesOnlyOverGet());
        });

        if (isGet && result.Errors?.Any(error => error is QueriesOnlyOverGet.Refused) == true)
        {
            http.Response.Headers.Allow = "POST";
            await TransportError(http, StatusCodes.Status405MethodNotAllowed, "Mutations are only accepted over POST.");
            return;
        }

        // A request that failed before execution (syntax, validation, variables) is a client error: 400 under
        // graphql-response+json; under application/json the spec keeps 200 for older clients.
        http.Response.StatusCode = !result.Executed && mediaType == GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// Who is calling. Until access control exists the caller names themselves with the X-Actor (user) and
    /// X-Actor-Organization (organization id) headers; the correlation id is X-Correlation-Id or a new one.
    /// </summary>
    private static Caller IdentifyCaller(HttpContext http)
    {
        var correlation = http.Request.Headers[CorrelationHeader].ToString();
        if (string.IsNullOrWhiteSpace(correlation) || correlation.Length > 100) correlation = Guid.NewGuid().ToString("N");
        var user = http.Request.Headers["X-Actor"].ToString().Trim();
        var organization = http.Request.Headers["X-Actor-Organization"].ToString().Trim();
        if (organization.Length > 0 && !Guid.TryParse(organization, out _))
            return new Caller(Actor.Anonymous, correlation, $"X-Actor-Organization '{organization}' is not an organization id.");
        if (user.Length > 200)
            return new Caller(Actor.Anonymous, correlation, "X-Actor is longer than 200 characters.");
        return new Caller(new Actor(user, organization.Length > 0 ? Guid.Parse(organization) : null), correlation);
    }

    /// <summary>The best media type the Accept header allows, honouring q-values; null when none is acceptable.</summary>
    private static string? NegotiateMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return Json;
        string? best = null;
        double bestQuality = 0;
        foreach (var range in accept)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0) continue;
            var mediaType = range.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "*/*" or "application/*" => Json,
                _ => null,
            };
            if (mediaType is null) continue;
            if (quality > bestQuality || (quality == bestQuality && mediaType == GraphQLResponse && range.MediaType.Value == GraphQLResponse))
                (best, bestQuality) = (mediaType, quality);
        }
        return best;
    }

    private static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    private static (GraphQLRequest?, string?) RequestFromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        foreach (var name in new[] { "query", "operationName", "variables", "extensions" })
            if (query[name].Count > 1) return (null, $"The parameter '{name}' is given more than once.");
        if (string.IsNullOrEmpty(query["query"])) return (null, "The 'query' parameter is required.");
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"],
                OperationName = string.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Variables = ParseObject(query["variables"], "variables", serializer),
                Extensions = ParseObject(query["extensions"], "extensions", serializer),
            }, null);
        }
        catch (BadRequest bad)
        {
            return (null, bad.Message);
        }
    }

    private static async Task<(GraphQLRequest?, string?)> RequestFromBodyAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object.");
            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                return (null, "The body must have a 'query' string.");
            try
            {
                return (new GraphQLRequest
                {
                    Query = query.GetString(),
                    OperationName = Optional(root, "operationName", JsonValueKind.String)?.GetString(),
                    Variables = ParseObject(Optional(root, "variables", JsonValueKind.Object)?.GetRawText(), "variables", serializer),
                    Extensions = ParseObject(Optional(root, "extensions", JsonValueKind.Object)?.GetRawText(), "extensions", serializer),
                }, null);
            }
            catch (BadRequest bad)
            {
                return (null, bad.Message);
            }
        }
    }

    /// <summary>A member that may be absent or null, but otherwise must be of the given kind.</summary>
    private static JsonElement? Optional(JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != kind) throw new BadRequest($"'{name}' must be a JSON {kind.ToString().ToLowerInvariant()} or null.");
        return value;
    }

    private static Inputs? ParseObject(string? json, string name, IGraphQLTextSerializer serializer)
    {
        if (string.IsNullOrEmpty(json) || json == "null") return null;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) throw new BadRequest($"'{name}' must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new BadRequest($"'{name}' is not valid JSON.");
        }
        return serializer.Deserialize<Inputs>(json);
    }

    private static async Task TransportError(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{Json}; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message } } }), http.RequestAborted);
    }

    private sealed class BadRequest(string message) : Exception(message);

    /// <summary>GET must not change anything: any operation other than a query is refused (as 405).</summary>
    private sealed class QueriesOnlyOverGet : ValidationRuleBase
    {
        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            if (context.Operation.Operation != OperationType.Query)
                context.ReportError(new Refused(context.Operation.Operation));
            return default;
        }

        public sealed class Refused(OperationType operation) : ValidationError($"A {operation.ToString().ToLowerInvariant()} cannot be sent over GET: use POST.");
    }
}
