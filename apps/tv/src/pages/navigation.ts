// Back always goes somewhere: down the history when there is one, else to the screen's parent.
interface Routed {
  $router: { back(): boolean; to(path: string, data?: object, options?: object): void };
}

export function goBack(page: Routed, parentPath: string): void {
  const went = page.$router.back();
  if (!went) page.$router.to(parentPath);
}
