import { describePartGet } from '../operationTests';

describePartGet('shipping');
