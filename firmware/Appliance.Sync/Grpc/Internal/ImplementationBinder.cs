using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Turns a same-named public method of a service object into a typed handler delegate, once, at bind time.</summary>
internal static class ImplementationBinder
{
    private static readonly MethodInfo BindUnaryMethod =
        typeof(ImplementationBinder).GetMethod(nameof(BindUnary), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo BindStreamingMethod =
        typeof(ImplementationBinder).GetMethod(nameof(BindServerStreaming), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Bind(GrpcServiceDefinition definition, MethodDescriptor method, MethodInfo clrMethod, object target)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var parameters = clrMethod.GetParameters().Select(p => p.ParameterType).ToArray();
        if (!method.IsClientStreaming && !method.IsServerStreaming
            && parameters.SequenceEqual([request, typeof(ServerCallContext)])
            && clrMethod.ReturnType == typeof(Task<>).MakeGenericType(response))
        {
            BindUnaryMethod.MakeGenericMethod(request, response).Invoke(null, [definition, method.Name, clrMethod, target]);
            return;
        }

        if (!method.IsClientStreaming && method.IsServerStreaming
            && parameters.SequenceEqual([request, typeof(IServerStreamWriter<>).MakeGenericType(response), typeof(ServerCallContext)])
            && clrMethod.ReturnType == typeof(Task))
        {
            BindStreamingMethod.MakeGenericMethod(request, response).Invoke(null, [definition, method.Name, clrMethod, target]);
            return;
        }

        throw new ArgumentException(
            $"{clrMethod.DeclaringType?.Name}.{clrMethod.Name} does not have the signature gRPC method " +
            $"{method.FullName} needs ({(method.IsServerStreaming ? "server-streaming" : "unary")} of {request.Name} -> {response.Name}).",
            nameof(clrMethod));
    }

    private static void BindUnary<TRequest, TResponse>(
        GrpcServiceDefinition definition, string name, MethodInfo clrMethod, object target)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var handler = clrMethod.CreateDelegate<Func<TRequest, ServerCallContext, Task<TResponse>>>(target);
        definition.AddUnary(name, handler);
    }

    private static void BindServerStreaming<TRequest, TResponse>(
        GrpcServiceDefinition definition, string name, MethodInfo clrMethod, object target)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var handler = clrMethod.CreateDelegate<Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(target);
        definition.AddServerStreaming(name, handler);
    }
}
