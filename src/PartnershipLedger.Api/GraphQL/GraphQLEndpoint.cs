using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Utilities;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.IdentityModel.Tokens;
using PartnershipLedger.Access;
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
        app.MapGet(Path + "/schema.graphql", (LedgerSchema schema) => Results.Text(Sdl(schema), "text/plain; charset=utf-8")).RequireAuthorization();
    }

    /// <summary>The schema as SDL, as checked in at schema/schema.graphql.</summary>
    public static string Sdl(LedgerSchema schema) => schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n") + "\n";

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<LedgerSchema> executer, IGraphQLTextSerializer serializer, GraphQLLimits limits, ILogger<LedgerSchema> logger)
    {
        if (ExplorerPage.IsWanted(http.Request))   // the page itself is public: its queries carry the token
        {
            await ExplorerPage.ServeAsync(http);
            return;
        }
        if (IdentifyCaller(http) is not { } caller)
        {
            await RefuseUnauthenticatedAsync(http);
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            await RefuseAsync(http, Refusal.MethodNotAllowed, $"{http.Request.Method} is not supported: use GET or POST.");
            return;
        }
        if (NegotiateMediaType(http.Request) is not { } mediaType)
        {
            await RefuseAsync(http, Refusal.NotAcceptable, $"Cannot respond with any type the Accept header allows: accept {GraphQLResponse} or {Json}.");
            return;
        }
        if (!isGet && !IsJsonContent(http.Request.ContentType))
        {
            await RefuseAsync(http, Refusal.UnsupportedMediaType, $"POST bodies must have Content-Type {Json}.");
            return;
        }

        if (isGet && http.Request.QueryString.Value?.Length > limits.MaxQueryStringLength)
        {
            await RefuseAsync(http, Refusal.UriTooLong,
                $"The query string is {http.Request.QueryString.Value.Length} characters long; at most {limits.MaxQueryStringLength} are allowed (GraphQL:MaxQueryStringLength): use POST.");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = isGet ? RequestFromQueryString(http.Request.Query, serializer) : await RequestFromBodyAsync(http, serializer, limits.MaxRequestBodyBytes);
        }
        catch (BadRequest bad)
        {
            await RefuseAsync(http, bad.Refusal, bad.Message);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.Timeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options =>
        {
            caller.AttachTo(options.UserContext);
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = timeout.Token;
            options.UnhandledExceptionDelegate = context => DomainErrors.HandleUnhandledAsync(context, logger);
            if (isGet) options.ValidationRules = DocumentValidator.CoreRules.Append(new QueriesOnlyOverGet());
        });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // Whatever ran is abandoned; a mutation's events are appended in one transaction, so none were stored.
            result = new ExecutionResult
            {
                Executed = true,
                Errors = [new ExecutionError($"The request took longer than {limits.Timeout.TotalSeconds:0.###} seconds (GraphQL:Timeout) and was cancelled.") { Code = GraphQLLimits.Code }],
            };
        }

        if (isGet && result.Errors?.FirstOrDefault(error => error is QueriesOnlyOverGet.Refused) is { } refused)
        {
            await RefuseAsync(http, Refusal.OnlyOverPost, refused.Message);
            return;
        }

        http.Response.StatusCode = StatusOf(result, mediaType);
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Why a request was answered without a GraphQL result.</summary>
    private enum Refusal { MethodNotAllowed, OnlyOverPost, NotAcceptable, UnsupportedMediaType, BadRequest, TooLarge, UriTooLong }

    // The status mapping, all of it. It follows graphql-http 1.23.1's audits (tests/conformance): the
    // GraphQL-over-HTTP draft moves toward 422 for malformed requests and validation failures and 294 for
    // partial success; change it here when the audits do.

    /// <summary>The status and Allow header of a request refused before any GraphQL ran.</summary>
    private static (int Status, string? Allow) StatusOf(Refusal refusal) => refusal switch
    {
        Refusal.MethodNotAllowed => (StatusCodes.Status405MethodNotAllowed, "GET, POST"),
        Refusal.OnlyOverPost => (StatusCodes.Status405MethodNotAllowed, "POST"),       // a mutation (or subscription) over GET
        Refusal.NotAcceptable => (StatusCodes.Status406NotAcceptable, null),
        Refusal.UnsupportedMediaType => (StatusCodes.Status415UnsupportedMediaType, null),
        Refusal.TooLarge => (StatusCodes.Status413PayloadTooLarge, null),
        Refusal.UriTooLong => (StatusCodes.Status414UriTooLong, null),
        _ => (StatusCodes.Status400BadRequest, null),                                  // body or parameters not well-formed, whatever the Accept
    };

    /// <summary>
    /// The status of a GraphQL result. One that failed before execution (syntax, validation, variable coercion, no
    /// such operation) is a client error: 400 under graphql-response+json; under application/json the spec keeps
    /// 200 for older clients. An executed request is 200, even with field errors.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType) =>
        !result.Executed && mediaType == GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    /// <summary>
    /// A transport-level refusal: always application/json (never graphql-response+json), one error, no data; one for
    /// a request over a limit carries <c>extensions.code</c> = LIMIT_EXCEEDED.
    /// </summary>
    private static async Task RefuseAsync(HttpContext http, Refusal refusal, string message)
    {
        var (status, allow) = StatusOf(refusal);
        http.Response.StatusCode = status;
        if (allow is not null) http.Response.Headers.Allow = allow;
        http.Response.ContentType = $"{Json}; charset=utf-8";
        object error = refusal is Refusal.TooLarge or Refusal.UriTooLong
            ? new { message, extensions = new { code = GraphQLLimits.Code } }
            : new { message };
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { error } }, ErrorJson), http.RequestAborted);
    }

    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Who is calling: the actor of the bearer token the authentication middleware validated (signature, expiry, the
    /// registry's "not revoked"), or null. Nothing in the request's headers or body can name another actor. The
    /// correlation id is X-Correlation-Id or a new one.
    /// </summary>
    private static Caller? IdentifyCaller(HttpContext http)
    {
        var correlation = http.Request.Headers[CorrelationHeader].ToString();
        if (string.IsNullOrWhiteSpace(correlation) || correlation.Length > 100) correlation = Guid.NewGuid().ToString("N");
        http.Response.Headers[CorrelationHeader] = correlation;
        return http.User.Identity?.IsAuthenticated == true && TokenSigner.ActorOf(http.User) is { } actor ? new Caller(actor, correlation) : null;
    }

    /// <summary>401 with a GraphQL error UNAUTHENTICATED saying what was wrong with the token, if there was one.</summary>
    private static async Task RefuseUnauthenticatedAsync(HttpContext http)
    {
        // The handler caches its result per request: this asks again for why it failed, at no cost.
        var failure = (await http.AuthenticateAsync()).Failure;
        var message = failure switch
        {
            null when http.Request.Headers.Authorization.Count == 0 => "This API needs a bearer token: send `Authorization: Bearer <token>` (ops/run writes a development admin token to .data/dev-token; admins issue tokens with issueToken).",
            null => "The Authorization header is not a bearer token: send `Authorization: Bearer <token>`.",
            AuthenticationFailureException ours => ours.Message,   // the registry's answer: revoked, expired, never issued
            SecurityTokenExpiredException => "The bearer token has expired: ask an admin for a new one.",
            _ => "The bearer token is not valid: it is malformed, or not signed by this ledger.",
        };
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        http.Response.ContentType = $"{Json}; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "UNAUTHENTICATED" } } } }, ErrorJson), http.RequestAborted);
    }

    /// <summary>
    /// The media type to answer with, or null when the Accept header allows neither. Each type gets the q-value of the
    /// most specific range that matches it (the type itself, then application/*, then */*), so an explicit q=0 refuses
    /// it even beside */*. The higher q wins; at equal q a type the client named beats one it only matched with a
    /// wildcard; two named types prefer graphql-response+json, two wildcard matches (*/*, application/*) and a missing
    /// Accept header give application/json, which every client understands.
    /// </summary>
    private static string? NegotiateMediaType(HttpRequest request)
    {
        var header = request.Headers.Accept;
        if (header.All(string.IsNullOrWhiteSpace)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(header, out var ranges) || ranges.Count == 0) return null;  // nothing readable

        var graphQL = Acceptance(ranges, GraphQLResponse);
        var json = Acceptance(ranges, Json);
        if (graphQL.Quality <= 0 && json.Quality <= 0) return null;
        if (graphQL.Quality != json.Quality) return graphQL.Quality > json.Quality ? GraphQLResponse : Json;
        return graphQL.Named ? GraphQLResponse : Json;   // equal q: both named, or only graphql-response named, or neither
    }

    /// <summary>The q-value the Accept ranges give a media type, and whether a range names it exactly.</summary>
    private static (double Quality, bool Named) Acceptance(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var (specificity, quality) = (-1, 0.0);
        foreach (var range in ranges)
        {
            var value = range.MediaType.Value ?? "";
            var matches = value.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : value.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? 1
                : value == "*/*" ? 0
                : -1;
            var q = range.Quality ?? 1.0;
            if (matches > specificity || (matches == specificity && matches >= 0 && q > quality))
                (specificity, quality) = (matches, q);
        }
        return (specificity < 0 ? 0 : quality, specificity == 2);
    }

    private static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || string.Equals(HeaderUtilities.RemoveQuotes(parsed.Charset).Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] Parameters = ["query", "operationName", "variables", "extensions"];

    private static GraphQLRequest RequestFromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        foreach (var name in Parameters)
            if (query[name].Count > 1) throw new BadRequest($"The parameter '{name}' is given more than once.");
        if (string.IsNullOrEmpty(query["query"])) throw new BadRequest("The 'query' parameter is required.");
        return new GraphQLRequest
        {
            Query = query["query"],
            OperationName = string.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
            Variables = ParseObject(query["variables"], "variables", serializer),
            Extensions = ParseObject(query["extensions"], "extensions", serializer),
        };
    }

    private static async Task<GraphQLRequest> RequestFromBodyAsync(HttpContext http, IGraphQLTextSerializer serializer, long maxBytes)
    {
        var tooLarge = $"The body is larger than {maxBytes} bytes (GraphQL:MaxRequestBodyBytes).";
        if (http.Request.ContentLength > maxBytes) throw new BadRequest(tooLarge, Refusal.TooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit) sizeLimit.MaxRequestBodySize = maxBytes;

        // Read at most one byte past the limit whatever the server enforces (a chunked body has no Content-Length).
        using var buffered = new MemoryStream();
        JsonDocument body;
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffered.Write(chunk, 0, read);
                if (buffered.Length > maxBytes) throw new BadRequest(tooLarge, Refusal.TooLarge);
            }
            buffered.Position = 0;
            body = await JsonDocument.ParseAsync(buffered, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw new BadRequest("The body is not valid JSON.");
        }
        catch (BadHttpRequestException rejected) when (rejected.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BadRequest(tooLarge, Refusal.TooLarge);
        }
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new BadRequest("The body must be a JSON object.");
            foreach (var name in Parameters)
                if (root.EnumerateObject().Count(member => member.NameEquals(name)) > 1) throw new BadRequest($"'{name}' is given more than once.");
            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                throw new BadRequest("The body must have a 'query' string.");
            return new GraphQLRequest
            {
                Query = query.GetString(),
                OperationName = Optional(root, "operationName", JsonValueKind.String)?.GetString(),
                Variables = ParseObject(Optional(root, "variables", JsonValueKind.Object)?.GetRawText(), "variables", serializer),
                Extensions = ParseObject(Optional(root, "extensions", JsonValueKind.Object)?.GetRawText(), "extensions", serializer),
            };
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

    /// <summary>A request that cannot be read as a GraphQL request.</summary>
    private sealed class BadRequest(string message, Refusal refusal = Refusal.BadRequest) : Exception(message)
    {
        public Refusal Refusal { get; } = refusal;
    }

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
