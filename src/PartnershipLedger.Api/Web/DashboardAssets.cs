namespace PartnershipLedger.Api.Web;

/// <summary>
/// The dashboard (wwwroot: index.html and its ES modules, no build step) and the explorer's bundle (wwwroot/explorer,
/// built from web/explorer) as static files. Every request revalidates (no-cache): file names carry no content hash.
/// </summary>
public static class DashboardAssets
{
    public static void UseDashboardAssets(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
