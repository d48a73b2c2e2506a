import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { ErrorRoute } from './routes/error-route';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorRoute />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
