using Appliance.Host.Cli;

return await ApplianceCli.InvokeAsync(args);
