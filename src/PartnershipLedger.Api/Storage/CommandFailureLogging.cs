using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace PartnershipLedger.Api.Storage;

/// <summary>
/// Commands are invoked inline and a refusal goes back to the caller as a GraphQL error (unexpected failures
/// are logged there, with the correlation id), so Wolverine need not log them again at error level.
/// Background messages such as reminders log a failed attempt as a warning: the usual one is a reminder racing a
/// command on the same stream, which the concurrency retry policy runs again on the fresh state; a message whose
/// retries are exhausted still goes to the dead-letter queue.
/// </summary>
public sealed class CommandFailureLogging : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
            chain.FailureLogLevel = chain.InputType()?.IsAssignableTo(typeof(PartnershipLedger.Recording.Command)) == true ? LogLevel.Debug : LogLevel.Warning;
    }
}
