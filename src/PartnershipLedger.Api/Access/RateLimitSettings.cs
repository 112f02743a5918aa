using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PartnershipLedger.Access;

namespace PartnershipLedger.Api.Access;

/// <summary>
/// The <c>RateLimit</c> configuration section: requests to /graphql per token per minute, and unauthenticated or
/// failed-authentication requests per client address per minute. 0 turns a limit off. Health and the pages are not limited.
/// </summary>
public sealed class RateLimitSettings
{
    public int TokenPermitsPerMinute { get; set; } = 6000;
    public int UnauthenticatedPermitsPerMinute { get; set; } = 30;

    internal RateLimitPartition<string> PartitionFor(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/graphql") || IsExplorerPage(http.Request))
            return RateLimitPartition.GetNoLimiter("unlimited");
        if (TokenSigner.TokenId(http.User) is { } token)
            return Window($"token:{token}", TokenPermitsPerMinute);
        // No token, or one that failed: every such attempt counts against the caller's address.
        return Window($"unauthenticated:{http.Connection.RemoteIpAddress}", UnauthenticatedPermitsPerMinute);
    }

    private static bool IsExplorerPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> Window(string key, int permits) => permits <= 0
        ? RateLimitPartition.GetNoLimiter(key)
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    internal async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        var authenticated = TokenSigner.TokenId(http.User) is not null;
        var message = authenticated
            ? $"Too many requests with this token: at most {TokenPermitsPerMinute} a minute (RateLimit:TokenPermitsPerMinute). Retry after {retryAfter} seconds."
            : $"Too many requests without a valid token from this address: at most {UnauthenticatedPermitsPerMinute} a minute (RateLimit:UnauthenticatedPermitsPerMinute). Retry after {retryAfter} seconds.";
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "LIMIT_EXCEEDED", retryAfterSeconds = retryAfter } } } }), cancellation);
    }
}
