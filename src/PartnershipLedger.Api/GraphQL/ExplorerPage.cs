using Microsoft.Net.Http.Headers;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// The GraphQL explorer for people: a browser's GET on /graphql (Accept preferring text/html, no <c>query</c>
/// parameter) gets GraphiQL's page, bundled from web/explorer into wwwroot/explorer at build time.
/// </summary>
public static class ExplorerPage
{
    public const string File = "explorer/index.html";

    /// <summary>
    /// True for a GET without a query whose Accept names text/html with a q-value at least as high as any JSON type or
    /// application/* it names: a browser's navigation (text/html first, */* as a fallback), not a GraphQL client, which
    /// names a JSON type or sends */* alone.
    /// </summary>
    public static bool IsWanted(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("query")) return false;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)) return false;
        double html = 0, json = 0;
        foreach (var range in ranges)
        {
            var type = range.MediaType.Value ?? "";
            var quality = range.Quality ?? 1.0;
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase)) html = Math.Max(html, quality);
            else if (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && (type.EndsWith("json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/*")))
                json = Math.Max(json, quality);
        }
        return html > 0 && html >= json;
    }

    public static async Task ServeAsync(HttpContext http)
    {
        var page = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(File);
        if (!page.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The explorer is not built: build the API project with Node.js and npm available (web/explorer).", http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.Vary = "Accept";
        await http.Response.SendFileAsync(page, http.RequestAborted);
    }
}
