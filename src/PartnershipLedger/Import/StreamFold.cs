using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using JasperFx;
using JasperFx.Events;

namespace PartnershipLedger.Import;

/// <summary>
/// Folds events into a stream's decision state in memory, with the same Create/Apply methods Marten calls for the
/// inline snapshot, so an import decides each record on the state its earlier records built, without a database trip.
/// </summary>
public static class StreamFold
{
    private static readonly ConcurrentDictionary<(Type State, Type Event, bool Creates), MethodInfo> Methods = new();

    /// <summary>The state after <paramref name="e"/>: created by it when <paramref name="state"/> is null.</summary>
    public static TState Apply<TState>(TState? state, IEvent e) where TState : class
    {
        var method = Methods.GetOrAdd((typeof(TState), e.EventType, state is null), static key => Find(key.State, key.Event, key.Creates));
        var argument = Argument(method, e, 0);
        if (state is null) return (TState)Call(method, null, null, argument)!;
        Call(method, state, null, argument);
        return state;
    }

    /// <summary>
    /// The document of a single-stream projection (static Create and instance Apply(document, event) methods on the
    /// projection) after <paramref name="e"/>; events the projection has no method for leave it as it is.
    /// </summary>
    public static TDoc? ApplyProjection<TDoc>(object projection, TDoc? document, IEvent e) where TDoc : class
    {
        var key = (projection.GetType(), e.EventType, document is null);
        if (!ProjectionMethods.TryGetValue(key, out var method))
            ProjectionMethods[key] = method = FindProjectionMethod(projection.GetType(), typeof(TDoc), e.EventType, document is null);
        if (method is null) return document;
        if (document is null) return (TDoc)Call(method, null, null, Argument(method, e, 0))!;
        Call(method, projection, document, Argument(method, e, 1));
        return document;
    }

    private static readonly ConcurrentDictionary<(Type Projection, Type Event, bool Creates), MethodInfo?> ProjectionMethods = new();

    private static MethodInfo? FindProjectionMethod(Type projection, Type document, Type eventType, bool creates) =>
        projection.GetMethods(BindingFlags.Public | (creates ? BindingFlags.Static : BindingFlags.Instance))
            .Where(method => method.Name == (creates ? "Create" : "Apply"))
            .Where(method => creates ? method.GetParameters().Length == 1 : method.GetParameters().Length == 2 && method.GetParameters()[0].ParameterType == document)
            .Select(method => (Method: method, Rank: Rank(method.GetParameters()[^1].ParameterType, eventType)))
            .Where(candidate => candidate.Rank > 0)
            .OrderByDescending(candidate => candidate.Rank)
            .Select(candidate => candidate.Method)
            .FirstOrDefault();

    /// <summary>An event as the store would hand it over, with its id, stream and version.</summary>
    public static IEvent Wrap(object data, Guid id, Guid streamId, long version, DateTimeOffset timestamp)
    {
        var e = NewEvent(data.GetType(), data);
        e.Id = id;
        e.StreamId = streamId;
        e.Version = version;
        e.Timestamp = timestamp;
        return e;
    }

    private static readonly ConcurrentDictionary<Type, Func<object, IEvent>> EventFactories = new();
    private static readonly ConcurrentDictionary<(MethodInfo, int), Type> ParameterTypes = new();

    /// <summary>
    /// A new Event&lt;T&gt; of <paramref name="data"/>, whose type is <paramref name="type"/>, by a delegate made once per type.
    /// Event&lt;T&gt;'s constructor gives it a random id (<c>Guid.NewGuid()</c>, a system call each), which the caller
    /// replaces at once; made without its constructor, the event skips that: a rebuild wraps a million events.
    /// </summary>
    private static IEvent NewEvent(Type type, object data) =>
        EventFactories.GetOrAdd(type, dataType => typeof(StreamFold).GetMethod(nameof(NewEventOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(dataType).CreateDelegate<Func<object, IEvent>>())(data);

    private static IEvent NewEventOf<T>(object data) where T : notnull
    {
        var e = (Event<T>)RuntimeHelpers.GetUninitializedObject(typeof(Event<T>));
        e.Data = (T)data;
        e.TenantId = StorageConstants.DefaultTenantId;
        return e;
    }

    private static readonly ConcurrentDictionary<MethodInfo, Func<object?, object?, object, object?>> Calls = new();

    /// <summary>
    /// Calls a Create or Apply method: static <c>Create(event)</c>, <c>target.Apply(event)</c> or
    /// <c>target.Apply(document, event)</c>, by a delegate compiled once per method (<see cref="MethodInfo.Invoke(object, object[])"/>
    /// allocated an array of arguments at every event an import or rebuild folds). Its result; null for a void Apply.
    /// </summary>
    private static object? Call(MethodInfo method, object? target, object? document, object argument) =>
        Calls.GetOrAdd(method, static method =>
        {
            var (targetParameter, documentParameter, argumentParameter) =
                (Expression.Parameter(typeof(object)), Expression.Parameter(typeof(object)), Expression.Parameter(typeof(object)));
            var parameters = method.GetParameters();
            Expression[] arguments = parameters.Length == 2
                ? [Expression.Convert(documentParameter, parameters[0].ParameterType), Expression.Convert(argumentParameter, parameters[1].ParameterType)]
                : [Expression.Convert(argumentParameter, parameters[0].ParameterType)];
            var call = Expression.Call(method.IsStatic ? null : Expression.Convert(targetParameter, method.DeclaringType!), method, arguments);
            Expression body = method.ReturnType == typeof(void) ? Expression.Block(call, Expression.Constant(null)) : Expression.Convert(call, typeof(object));
            return Expression.Lambda<Func<object?, object?, object, object?>>(body, targetParameter, documentParameter, argumentParameter).Compile();
        })(target, document, argument);

    private static object Argument(MethodInfo method, IEvent e, int position)
    {
        var parameter = ParameterTypes.GetOrAdd((method, position), key => key.Item1.GetParameters()[key.Item2].ParameterType);
        if (parameter.IsInstanceOfType(e.Data)) return e.Data;
        // Apply(IEvent<IPartnershipEvent>) takes an Event<PartnerMeetingHeld> as it is: IEvent<out T> is covariant (for
        // events that are classes, as every event of the catalogue is: a struct event would not be an IEvent<interface>).
        if (parameter.IsInstanceOfType(e)) return e;
        throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} takes {Describe(parameter)}, which the event ({e.EventType.Name}) is not.");
    }

    /// <summary>A type as C# spells it, e.g. IEvent&lt;IPartnershipEvent&gt; rather than IEvent`1.</summary>
    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;

    private static MethodInfo Find(Type state, Type eventType, bool creates)
    {
        var candidates = state.GetMethods(BindingFlags.Public | (creates ? BindingFlags.Static : BindingFlags.Instance))
            .Where(method => method.Name == (creates ? "Create" : "Apply") && method.GetParameters().Length == 1)
            .Select(method => (Method: method, Rank: Rank(method.GetParameters()[0].ParameterType, eventType)))
            .Where(candidate => candidate.Rank > 0)
            .OrderByDescending(candidate => candidate.Rank)
            .ToList();
        return candidates.Count > 0 ? candidates[0].Method
            : throw new InvalidOperationException($"{state.Name} has no {(creates ? "Create" : "Apply")} method for {eventType.Name}.");
    }

    /// <summary>How well a parameter takes the event: the event itself or IEvent of it beat an interface of it.</summary>
    private static int Rank(Type parameter, Type eventType)
    {
        if (parameter == eventType) return 3;
        if (parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEvent<>))
        {
            var data = parameter.GetGenericArguments()[0];
            if (data == eventType) return 3;
            if (data.IsAssignableFrom(eventType)) return 1;
        }
        return 0;
    }
}
