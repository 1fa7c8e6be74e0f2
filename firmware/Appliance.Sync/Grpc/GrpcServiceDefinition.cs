using System.Reflection;
using Appliance.Sync.Grpc.Internal;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Grpc;

/// <summary>
/// Binds the methods of a protobuf service (from its generated <see cref="ServiceDescriptor"/>) to handler delegates.
/// The message types are checked against the descriptor, so a handler can never be bound to the wrong method.
/// Methods left without a handler answer UNIMPLEMENTED.
/// </summary>
public sealed class GrpcServiceDefinition
{
    private readonly Dictionary<string, GrpcMethodBinding> _bindings = new(StringComparer.Ordinal);

    public GrpcServiceDefinition(ServiceDescriptor service)
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
    }

    /// <summary>The protobuf service being served.</summary>
    public ServiceDescriptor Service { get; }

    internal IReadOnlyCollection<GrpcMethodBinding> Bindings => _bindings.Values;

    /// <summary>Binds a unary method.</summary>
    /// <exception cref="ArgumentException">No such method, it is streaming, or the types do not match the descriptor.</exception>
    public GrpcServiceDefinition AddUnary<TRequest, TResponse>(
        string methodName, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Find(methodName, clientStreaming: false, serverStreaming: false, typeof(TRequest), typeof(TResponse));
        _bindings[methodName] = new GrpcMethodBinding(method, async (request, sink, context) =>
        {
            var response = await handler((TRequest)request, context);
            if (response is null)
            {
                throw new RpcException(GrpcStatusCode.Internal, $"Handler for {method.Name} returned no response.");
            }

            await sink.WriteAsync(response, context.CancellationToken);
        });
        return this;
    }

    /// <summary>Binds a server-streaming method.</summary>
    /// <exception cref="ArgumentException">No such method, it is not server-streaming, or the types do not match.</exception>
    public GrpcServiceDefinition AddServerStreaming<TRequest, TResponse>(
        string methodName, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Find(methodName, clientStreaming: false, serverStreaming: true, typeof(TRequest), typeof(TResponse));
        _bindings[methodName] = new GrpcMethodBinding(method, (request, sink, context) =>
            handler((TRequest)request, new TypedStreamWriter<TResponse>(sink, context.CancellationToken), context));
        return this;
    }

    /// <summary>
    /// Binds every method of <paramref name="service"/> that <paramref name="implementation"/> has a public method for,
    /// by name: <c>Task&lt;TResponse&gt; Name(TRequest, ServerCallContext)</c> for unary methods and
    /// <c>Task Name(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c> for server-streaming ones.
    /// </summary>
    /// <exception cref="ArgumentException">A same-named method has the wrong signature.</exception>
    public static GrpcServiceDefinition FromImplementation(ServiceDescriptor service, object implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var definition = new GrpcServiceDefinition(service);
        foreach (var method in service.Methods)
        {
            var clrMethod = implementation.GetType().GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance);
            if (clrMethod is null)
            {
                continue;
            }

            ImplementationBinder.Bind(definition, method, clrMethod, implementation);
        }

        return definition;
    }

    private MethodDescriptor Find(string methodName, bool clientStreaming, bool serverStreaming, Type request, Type response)
    {
        var method = Service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"Service {Service.FullName} has no method '{methodName}'.", nameof(methodName));
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new ArgumentException(
                $"{Service.FullName}/{methodName} is {Describe(method)}; it cannot be bound as {(serverStreaming ? "server-streaming" : "unary")}.",
                nameof(methodName));
        }

        if (method.InputType.ClrType != request || method.OutputType.ClrType != response)
        {
            throw new ArgumentException(
                $"{Service.FullName}/{methodName} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}, " +
                $"not {request.Name} and {response.Name}.",
                nameof(methodName));
        }

        return method;
    }

    private static string Describe(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server-streaming",
        (true, false) => "client-streaming",
        _ => "bidirectional-streaming",
    };
}
