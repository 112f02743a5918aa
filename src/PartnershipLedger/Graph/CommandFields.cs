using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Recording;
using Wolverine;

namespace PartnershipLedger.Graph;

public static class CommandFields
{
    /// <summary>
    /// Adds a mutation that sends its input, as a command, through Wolverine and answers with the payload
    /// built from what was recorded. The actor and correlation id come from the caller, never the input.
    /// </summary>
    public static void AddCommand<TCommand, TInput, TPayload>(this ObjectGraphType mutation, string name, string description, bool organizationRequired = true)
        where TCommand : Command
        where TInput : CommandInputGraphType<TCommand>
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input", "What to record.")
            .ResolveAsync(async context =>
            {
                var caller = Caller.Of(context);
                Command command = context.GetArgument<TCommand>("input");
                command = command with { Actor = caller.RequireActor(organizationRequired), CorrelationId = caller.CorrelationId };
                var bus = context.RequestServices!.GetRequiredService<IMessageContext>();
                bus.CorrelationId = caller.CorrelationId;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await bus.InvokeAsync<Recorded>(command, context.CancellationToken);
                    }
                    catch (JasperFx.ConcurrencyException) when (attempt < RaceAttempts && (command as StreamCommand)?.ExpectedVersion is null)
                    {
                        // Another writer appended to the same stream between our read and our write, and the caller
                        // did not pin a version: decide again on the fresh state, after a short random pause.
                        await Task.Delay(Random.Shared.Next(5, 20 * attempt), context.CancellationToken);
                    }
                }
            });

    private const int RaceAttempts = 8;
}
