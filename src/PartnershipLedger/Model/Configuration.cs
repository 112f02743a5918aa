using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PartnershipLedger.Model;

public static class Configuration
{
    /// <summary>Where the model file is looked for unless <c>Model:Path</c> says otherwise.</summary>
    public const string DefaultPath = "schema/maturity-model.json";

    /// <summary>
    /// Loads and validates the model now, so that a broken file stops start-up with a message naming the fault.
    /// </summary>
    public static IServiceCollection AddMaturityModel(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["Model:Path"] ?? Path.Combine(AppContext.BaseDirectory, DefaultPath);
        return services.AddSingleton(MaturityModelLoader.Load(path));
    }
}
