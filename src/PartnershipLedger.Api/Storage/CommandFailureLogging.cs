using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace PartnershipLedger.Api.Storage;

/// <summary>
/// Commands are invoked inline and a refusal goes back to the caller as a GraphQL error (unexpected failures
/// are logged there, with the correlation id), so Wolverine need not log them again at error level.
/// Background messages such as reminders keep Wolverine's own failure logging.
/// </summary>
public sealed class CommandFailureLogging : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => chain.InputType()?.IsAssignableTo(typeof(PartnershipLedger.Recording.Command)) == true))
            chain.FailureLogLevel = LogLevel.Debug;
    }
}
