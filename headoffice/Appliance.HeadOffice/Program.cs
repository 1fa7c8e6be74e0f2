using Appliance.HeadOffice.Cli;

return await HeadOfficeCli.InvokeAsync(args);
